package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.PropertyCheckService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.PropertyCheckView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

/** Runs the four-property check on demand and reads the stored reports; archiving runs it too, in {@link
 * DefaultArchiveService}. */
@Stateless
public class DefaultPropertyCheckService implements PropertyCheckService {
    @EJB
    FourPropertyCheck checker;

    @EJB
    CheckReports reports;

    @EJB
    AuditTrail auditTrail;

    @Inject
    ArchiveRepository archive;

    @Inject
    CaseRepository cases;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public PropertyCheckView checkDossier(String caseNumber) throws EarchiveException {
        BusinessCase c = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        String actor = context.getCallerPrincipal().getName();
        PropertyCheckView report =
                reports.save(c, PropertyCheck.Occasion.ON_DEMAND, actor, checker.check(c, archive.byCase(c.id())));
        auditTrail.record(
                actor,
                AuditAction.FOUR_PROPERTY_CHECK,
                caseNumber,
                "report " + report.id()
                        + (report.passed() ? " passed" : " failed: " + CheckReports.summary(report.items())));
        return report;
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public List<PropertyCheckView> dossierChecks(String caseNumber) throws EarchiveException {
        BusinessCase c = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        return reports.reports(c.id()).stream()
                .map(p -> CheckReports.view(p, caseNumber))
                .toList();
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public List<PropertyCheckView> checks(String archiveNumber) throws EarchiveException {
        ArchiveRecord r = archive.find(archiveNumber).orElseThrow(() -> Failures.recordNotFound(archiveNumber));
        return dossierChecks(caseNumberOf(r));
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public PropertyCheckView checkReport(long id) throws EarchiveException {
        PropertyCheck p = reports.report(id)
                .orElseThrow(() -> new EarchiveException(
                        ErrorCode.RECORD_NOT_FOUND,
                        "没有编号为 " + id + " 的四性检测报告。There is no four-property report " + id + "."));
        return CheckReports.view(
                p, cases.findById(p.caseId()).map(BusinessCase::caseNumber).orElse(null));
    }

    private String caseNumberOf(ArchiveRecord r) {
        return cases.findById(r.caseId()).map(c -> c.caseNumber()).orElse(null);
    }
}
