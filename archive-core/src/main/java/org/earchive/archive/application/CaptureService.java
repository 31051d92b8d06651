package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.io.InputStream;
import java.util.List;
import org.earchive.archive.application.dto.CaptureQueueView;
import org.earchive.archive.application.dto.CaptureTask;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;

/**
 * Server-side capture as the capture workers see it (the station's pipeline in processes of their own, any number, on
 * any node): they claim due jobs, read each original, and hand back its archival PDF/A or the pipeline's coded error.
 * A worker is named by its account and a name of its own ({@code worker}); a job is held under a lease, and a job whose
 * worker died goes to the next one that asks.
 */
@Local
public interface CaptureService {
    /** Up to {@code limit} due jobs, leased to this worker. */
    List<CaptureTask> claim(String worker, int limit) throws EarchiveException;

    /** The original's bytes, verified as they are read, for the worker holding its job. */
    DocumentContent original(long documentId, String worker) throws EarchiveException;

    /**
     * The archival PDF/A the worker made: recorded once as the material's ARCHIVAL copy (a retry, or a second worker
     * after a lost lease, gets the same document), and the job done.
     */
    DocumentView complete(long documentId, String worker, int pages, InputStream pdf) throws EarchiveException;

    /** The original cannot be made archive-ready: the job ends with the pipeline's code and message for the clerk. */
    void fail(long documentId, String worker, String code, String message) throws EarchiveException;

    /** Queue depth, oldest waiting job, pages and failures in the last hour (monitoring). */
    CaptureQueueView queue();
}
