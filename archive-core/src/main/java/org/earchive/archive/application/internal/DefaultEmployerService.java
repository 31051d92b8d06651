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
import org.earchive.archive.application.EmployerService;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.EmployerCaseView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.identity.CreditCode;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

@Stateless
public class DefaultEmployerService implements EmployerService {
    /** The most cases one answer lists: a credit check reads the recent history, not every enrollment since 1990. */
    static final int LIMIT = 500;

    @Inject
    CaseRepository cases;

    @Inject
    ArchiveRepository archive;

    @Inject
    BusinessTypeRepository catalogue;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed(Roles.READER)
    public List<EmployerCaseView> archivedCases(String creditCode) throws EarchiveException {
        String code;
        try {
            code = CreditCode.parse(creditCode);
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(ErrorCode.INVALID_CREDIT_CODE, e.getMessage());
        }
        List<EmployerCaseView> found = cases.archivedOfEmployer(code, LIMIT).stream()
                .map(c -> new EmployerCaseView(
                        c.caseNumber(),
                        c.businessType(),
                        catalogue
                                .find(c.businessType())
                                .map(BusinessType::nameZh)
                                .orElse(c.businessType()),
                        c.employerCode(),
                        c.employerName(),
                        c.decidedAt(),
                        c.archivedAt(),
                        archive.byCase(c.id()).stream()
                                .map(ArchiveRecord::archiveNumber)
                                .toList()))
                .toList();
        // every read of an employer's archive is on the record: who, which employer, how many cases
        audit.record(
                context.getCallerPrincipal().getName(),
                AuditAction.EMPLOYER_CASES_READ,
                "employer:" + code,
                found.size() + " archived cases");
        return found;
    }
}
