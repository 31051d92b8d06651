package org.earchive.archive.domain.model.borrowing;

import java.util.List;
import java.util.Optional;

/** Requests to read restricted records. */
public interface BorrowingRepository {
    /** Stores a new request and returns it with its id. */
    Borrowing store(Borrowing borrowing);

    /** The request, locked until the end of the transaction. */
    Optional<Borrowing> lock(long id);

    /** Requests newest first, of one reader or of all ({@code requestedBy} null), in one status or all. */
    List<Borrowing> list(String requestedBy, Borrowing.Status status, int limit);

    /** The approved requests of a reader for a record (active or not). */
    List<Borrowing> approved(String archiveNumber, String requestedBy);
}
