package org.earchive.capture.station.port;

import java.io.IOException;
import java.nio.file.Path;

/** The archive server as the station needs it: it takes a case's document and says what it recorded. */
public interface ArchiveServer {
    /**
     * Uploads one file to a case, idempotently under {@code key}: a retry after a lost answer records nothing twice.
     *
     * @throws Unavailable the server could not be reached or was unavailable: try again later
     * @throws Rejected the server refused the file for a reason a retry will not change
     */
    Uploaded upload(String caseNumber, String material, String role, Path file, String contentType, String key)
            throws IOException;

    /** What the server recorded. @param replayed the server had this key already (a retry after a lost answer) */
    record Uploaded(long id, String sha256, boolean replayed) {}

    /** The server could not be reached or was unavailable: try again later. */
    final class Unavailable extends IOException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server refused the request for a reason a retry will not change: the clerk must act. */
    final class Rejected extends IOException {
        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
