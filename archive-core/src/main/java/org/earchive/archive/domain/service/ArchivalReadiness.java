package org.earchive.archive.domain.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * Whether an uploaded file can be the archival copy as it is: a PDF that declares PDF/A and carries a text layer (what
 * a capture station writes). Anything else (an image, a plain PDF, a scanner's own PDF) goes through server-side
 * capture first. The full PDF/A validation is the four-property check's, at archiving.
 */
public interface ArchivalReadiness {
    boolean archiveReady(InputStream content, String contentType) throws IOException;
}
