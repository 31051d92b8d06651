package org.earchive.capture.station.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The archive server's queue of server-side capture jobs, as a capture worker needs it: claim, read the original,
 * send back the PDF/A or the pipeline's coded error. Failures are {@link ArchiveServer.Unavailable} (try later) or
 * {@link ArchiveServer.Rejected} (the job is no longer this worker's, or the server refused the result).
 */
public interface CaptureJobs {
    List<Job> claim(String worker, int limit) throws IOException;

    /** Writes the original's bytes to {@code target}. */
    void original(long documentId, String worker, Path target) throws IOException;

    /** The archival PDF/A; answers the document the server recorded (the same one on a retry). */
    ArchiveServer.Uploaded complete(long documentId, String worker, int pages, Path pdf) throws IOException;

    void fail(long documentId, String worker, String code, String message) throws IOException;

    record Job(
            long documentId,
            String caseNumber,
            String material,
            String fileName,
            String contentType,
            long size,
            String sha256,
            int attempt) {}
}
