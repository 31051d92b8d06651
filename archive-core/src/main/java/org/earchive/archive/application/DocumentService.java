package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.io.InputStream;
import org.earchive.archive.application.dto.DocumentView;

/** Materials' files coming in: from the counter, the station, an upload, the back office or an archived record. */
@Local
public interface DocumentService {
    /**
     * Streams a file into the store and records it for the case's material. On any failure nothing is left: no row,
     * and no object that was not there before.
     */
    DocumentView upload(
            String caseNumber,
            String material,
            String fileName,
            String contentType,
            InputStream content,
            String uploader)
            throws EarchiveException;

    /**
     * As {@link #upload(String, String, String, String, InputStream, String)}, idempotent: an upload whose key this case
     * has already recorded returns that document ({@code replayed}) without storing anything again. The role
     * says whether the file is the archival PDF/A ({@code ARCHIVAL}, the default) or the scanner's original
     * ({@code ORIGINAL}). Stations send their
     * batch id and the file's SHA-256 as the key and retry until they see the server's digest.
     */
    DocumentView upload(
            String caseNumber,
            String material,
            String fileName,
            String contentType,
            InputStream content,
            String uploader,
            String uploadKey,
            String role)
            throws EarchiveException;

    /**
     * The reviewer the case is assigned to adds a PDF/A the back office produced (the pension computation sheet, …) to
     * the case's dossier while deciding it; it is archived with the case's materials.
     */
    DocumentView attachWorkSheet(String caseNumber, String material, String fileName, InputStream content)
            throws EarchiveException;

    /**
     * Takes a document back from its case while the case still takes materials (before submission, or when sent
     * back): a wrong file, or an original whose capture failed, to be replaced by another upload. The row goes, audited
     * with the reason; the stored object goes too unless another document refers to it.
     */
    DocumentView remove(String caseNumber, long documentId, String reason) throws EarchiveException;
}
