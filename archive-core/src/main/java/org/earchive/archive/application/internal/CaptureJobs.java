package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.CaptureTask;
import org.earchive.archive.application.port.CaptureQueue;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;

/** The capture queue's reads and writes, each in a short transaction of its own (no worker's I/O inside one). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CaptureJobs {
    @Inject
    CaptureQueue queue;

    @Inject
    DocumentRepository documents;

    @Inject
    CaseRepository cases;

    @Inject
    Settings settings;

    public List<CaptureTask> claim(String worker, int limit) {
        Instant now = Instant.now();
        Instant lease = now.plus(settings.captureLease());
        List<CaptureTask> tasks = new ArrayList<>();
        for (CaptureQueue.Job job : queue.claim(now, limit, lease, worker)) {
            Optional<CaseDocument> d = documents.find(job.documentId());
            Optional<BusinessCase> c = cases.findById(job.caseId());
            if (d.isEmpty() || c.isEmpty()) {
                queue.forget(job.documentId()); // the original was removed from its case meanwhile
                continue;
            }
            tasks.add(new CaptureTask(
                    job.documentId(),
                    c.get().caseNumber(),
                    d.get().materialCode(),
                    d.get().fileName(),
                    d.get().contentType(),
                    d.get().sizeBytes(),
                    d.get().sha256(),
                    job.attempts(),
                    lease));
        }
        return tasks;
    }

    public Optional<CaptureQueue.Job> job(long documentId) {
        return queue.job(documentId);
    }

    public boolean finish(long documentId, String worker, long resultId, int pages) {
        return queue.finish(documentId, worker, resultId, pages, Instant.now());
    }

    public boolean fail(long documentId, String worker, String code, String message) {
        return queue.fail(documentId, worker, code, message, Instant.now());
    }

    public CaptureQueue.Depth depth(Instant since) {
        return queue.depth(since);
    }

    public List<CaptureQueue.Job> ofCase(long caseId) {
        return queue.ofCase(caseId);
    }
}
