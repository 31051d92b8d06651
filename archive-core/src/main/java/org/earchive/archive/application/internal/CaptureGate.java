package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.port.CaptureQueue;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;

/**
 * A case goes to the back office (or, waiting for promised materials, to the archive) only with every material
 * archive-ready: not while an original is still being captured, nor with one the capture could not make archive-ready
 * (the clerk replaces it first).
 */
@Dependent
public class CaptureGate {
    @Inject
    CaptureQueue captures;

    @Inject
    DocumentRepository documents;

    /** Refuses with {@code CAPTURE_FAILED} or {@code CAPTURE_PENDING} unless every capture job of the case is done. */
    public void check(BusinessCase c) throws EarchiveException {
        for (CaptureQueue.Job job : captures.ofCase(c.id())) {
            if (job.state().equals(CaptureQueue.FAILED)) {
                CaseDocument d = documents.find(job.documentId()).orElseThrow();
                throw new EarchiveException(
                        ErrorCode.CAPTURE_FAILED,
                        "材料 " + d.materialCode() + " 的文件 " + d.fileName() + " 无法转为归档格式（" + job.errorCode()
                                + "），请删除后重新上传。The file " + d.fileName() + " of " + d.materialCode()
                                + " could not be made archive-ready (" + job.errorCode() + ": " + job.errorMessage()
                                + "): remove it and upload another.");
            }
            if (!job.state().equals(CaptureQueue.DONE)) {
                throw new EarchiveException(
                        ErrorCode.CAPTURE_PENDING,
                        "还有材料正在转换为归档 PDF/A，请稍候再提交。A material is still being made into its archival PDF/A: submit"
                                + " when it is done (the case screen shows it).");
            }
        }
    }

    /** Whether every capture job of the case is done. */
    public boolean passes(BusinessCase c) {
        return captures.ofCase(c.id()).stream().allMatch(j -> j.state().equals(CaptureQueue.DONE));
    }
}
