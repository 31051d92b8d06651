package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ReuseService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.RecordView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.model.record.ArchiveRecord;

/**
 * Reuse of archived materials at the counter: the applicant's records the case's checklist asks for are offered, and one
 * is added to the case as its material without collecting the paper again (recorded and audited).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultReuseService implements ReuseService {
    @EJB
    MaterialReuse reuse;

    @Inject
    BusinessTypeRepository catalogue;

    @EJB
    DocumentRecorder recorder;

    @EJB
    HallRule hall;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    public List<RecordView> reusable(String caseNumber) throws EarchiveException {
        BusinessCase c = hall.caseOf(caseNumber);
        return reuse.offers(c, catalogue.find(c.businessType()).orElseThrow()).stream()
                .map(r -> RecordViews.of(r, null, false))
                .toList();
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    public DocumentView reuse(String caseNumber, String archiveNumber) throws EarchiveException {
        BusinessCase c = hall.caseOf(caseNumber);
        ArchiveRecord r = reuse.offered(c, catalogue.find(c.businessType()).orElseThrow(), archiveNumber);
        DocumentRecorder.Target target = recorder.checkTarget(caseNumber, r.materialCode());
        String key = MaterialReuse.KEY_PREFIX + r.archiveNumber();
        Optional<DocumentView> earlier = recorder.replay(target, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DocumentView source = recorder.document(r.documentId());
        String clerk = context.getCallerPrincipal().getName();
        DocumentView view = recorder.record(
                target,
                r.materialCode(),
                source.fileName(),
                source.contentType(),
                new StoredContent(r.objectKey(), r.sizeBytes(), r.sha256(), r.sm3()),
                clerk,
                key,
                CaseDocument.ARCHIVAL);
        audit.record(
                clerk,
                AuditAction.DOCUMENT_REUSED,
                "doc:" + view.id(),
                caseNumber + " " + r.materialCode() + " reused from " + r.archiveNumber() + " (not collected again)");
        return view;
    }
}
