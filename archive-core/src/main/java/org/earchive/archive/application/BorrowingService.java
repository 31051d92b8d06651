package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.BorrowingView;

/** Borrowing (借阅): a reader asks for a restricted record, an archivist who is not the reader decides, it expires. */
@Local
public interface BorrowingService {
    BorrowingView request(String archiveNumber, String purpose, int days) throws EarchiveException;

    /** @param approve approve or reject; a reason is required either way */
    BorrowingView decide(long id, boolean approve, String comment) throws EarchiveException;

    /** Archivists and administrators see every request (optionally of one status); others their own. */
    List<BorrowingView> list(String status) throws EarchiveException;
}
