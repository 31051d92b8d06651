package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.io.InputStream;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;

/** Materials' files: in from the counter, the station or an upload; out to viewers and exports. */
@Local
public interface DocumentService {
  /**
   * Streams a file into the store and records it for the case's material. On any failure nothing is left: no row,
   * and no object that was not there before.
   */
  DocumentView upload(
      String caseNumber, String material, String fileName, String contentType, InputStream content, String uploader)
      throws EarchiveException;

  /** Opens the bytes for reading; recorded in the audit trail as a view. */
  DocumentContent open(long documentId) throws EarchiveException;

  /** The document's description (digests, size, material) without reading its bytes. */
  DocumentView describe(long documentId) throws EarchiveException;
}
