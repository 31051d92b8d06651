package org.earchive.archive.application.internal;

import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.port.CaptureQueue;

/** A capture job as the clerk and the online channel see it on the document. */
final class CaptureStates {
    static final String PROCESSING = "PROCESSING";

    private CaptureStates() {}

    static DocumentView.Capture processing(int attempts) {
        return new DocumentView.Capture(
                PROCESSING,
                null,
                "正在转换为归档 PDF/A（识别文字），完成后自动出现。Being made into an archival PDF/A with its text; it appears"
                        + " here when done.",
                null,
                null,
                attempts);
    }

    static DocumentView.Capture of(CaptureQueue.Job job) {
        return switch (job.state()) {
            case CaptureQueue.DONE ->
                new DocumentView.Capture(
                        CaptureQueue.DONE, null, null, job.resultDocumentId(), job.pages(), job.attempts());
            case CaptureQueue.FAILED ->
                new DocumentView.Capture(
                        CaptureQueue.FAILED, job.errorCode(), job.errorMessage(), null, null, job.attempts());
            default -> processing(job.attempts());
        };
    }
}
