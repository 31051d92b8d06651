package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.earchive.archive.application.dto.TransferEntryView;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;

/**
 * Electronic transfer of archives (电子档案移交): BagIt packages (RFC 8493) of records with their PDF/A files,
 * originals and an XML description each ({@code earchive-record-1.0.xsd}), out to another office and in from one.
 * Every export, import and refusal is in the audit trail and the transfer register.
 */
@Local
public interface TransferService {
    /** Writes the package of {@code scope} to {@code out} (a zip holding one bag), streaming record by record. */
    TransferReport export(TransferScope scope, OutputStream out) throws EarchiveException;

    /** Checks a received package as the import would, and changes nothing. */
    TransferReport verify(Path packageFile) throws EarchiveException;

    /**
     * Verifies a received package and, only if every check passes, imports its records under this archive's own
     * numbers in {@code intoFonds} (this office's fonds when null), keeping where they came from. A package with any
     * problem is rejected whole; records already held here are not imported again.
     */
    TransferReport receive(Path packageFile, String intoFonds) throws EarchiveException;

    /**
     * Registers (and audits) what became of an exported package at its receiver: {@code DELIVERED} (imported or
     * collected there) or {@code REFUSED} (the receiver's verification failed; {@code detail} names why).
     */
    void delivered(String packageId, String receiver, String outcome, int records, String detail)
            throws EarchiveException;

    /** The transfer register, newest first. */
    List<TransferEntryView> register(int limit) throws EarchiveException;
}
