package org.earchive.archive.application.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.application.dto.CaseEventView;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.MaterialView;
import org.earchive.archive.application.port.CaptureQueue;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.shared.Decision;

/** Entities to DTOs; entities never leave the archive core. */
final class CaseAssembler {
    private CaseAssembler() {}

    static CaseView toView(
            BusinessCase c, BusinessType type, List<CaseDocument> docs, List<CaseEvent> history, boolean fullId) {
        return toView(c, type, docs, history, fullId, List.of());
    }

    /** With the server-side capture state of each original that needed it. */
    static CaseView toView(
            BusinessCase c,
            BusinessType type,
            List<CaseDocument> docs,
            List<CaseEvent> history,
            boolean fullId,
            List<CaptureQueue.Job> captures) {
        Map<Long, CaptureQueue.Job> jobs =
                captures.stream().collect(Collectors.toMap(CaptureQueue.Job::documentId, j -> j));
        Set<String> provided = docs.stream().map(CaseDocument::materialCode).collect(Collectors.toSet());
        List<MaterialView> materials = type.materials().stream()
                .map(m -> new MaterialView(m.code(), m.nameZh(), m.nameEn(), m.required(), provided.contains(m.code())))
                .toList();
        List<String> missing = materials.stream()
                .filter(m -> m.required() && !m.provided())
                .map(MaterialView::code)
                .toList();
        String id = c.applicant().idNumber();
        return new CaseView(
                c.caseNumber(),
                type.code(),
                type.nameZh(),
                c.status().name(),
                c.channel().name(),
                fullId ? id : CitizenId.mask(id),
                c.applicant().name(),
                c.acceptedBy(),
                c.acceptedAt(),
                c.dueAt(),
                materials,
                missing,
                docs.stream()
                        .map(d -> {
                            DocumentView v = toView(d, c.caseNumber());
                            CaptureQueue.Job job = jobs.get(d.id());
                            return job == null ? v : v.withCapture(CaptureStates.of(job));
                        })
                        .toList(),
                c.assignedTo(),
                c.decidedBy(),
                c.decisionComment(),
                c.supplementPromised(),
                c.overdue(Instant.now()),
                history.stream()
                        .map(e -> new CaseEventView(
                                e.occurredAt(),
                                e.actor(),
                                e.fromStatus() == null ? null : e.fromStatus().name(),
                                e.toStatus().name(),
                                e.comment()))
                        .toList(),
                c.employerCode(),
                c.employerName(),
                c.promiseOpen(),
                c.closure().map(Decision::by).orElse(null),
                c.closure().map(Decision::at).orElse(null),
                c.closure().map(Decision::comment).orElse(null));
    }

    static DocumentView toView(CaseDocument d, String caseNumber) {
        return new DocumentView(
                d.id(),
                caseNumber,
                d.materialCode(),
                d.fileName(),
                d.contentType(),
                d.sizeBytes(),
                d.sha256(),
                d.sm3(),
                d.uploadedBy(),
                d.uploadedAt(),
                d.uploadKey(),
                d.role(),
                false,
                null);
    }
}
