package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.CaseService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.CaseListRequest;
import org.earchive.archive.application.dto.CasePage;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.OpenCaseCommand;
import org.earchive.archive.application.dto.Reminders;
import org.earchive.archive.application.port.CaptureQueue;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.Applicant;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.Channel;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.identity.CreditCode;
import org.earchive.archive.domain.model.identity.InvalidCitizenIdException;

@Stateless
public class DefaultCaseService implements CaseService {
    @Inject
    Settings settings;

    private static final Logger LOG = Logger.getLogger(DefaultCaseService.class.getName());

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @Inject
    CaptureQueue captures;

    @Inject
    UserAccountRepository accounts;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @EJB
    HallRule hall;

    @EJB
    CaseNumbering numbering;

    @EJB
    CaseEndings endings;

    @Inject
    CaseLists lists;

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    public CaseView open(OpenCaseCommand command, String clerk) throws EarchiveException {
        if (command == null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "请求内容为空。The request has no case data.");
        }
        BusinessType type = businessType(command.businessType());
        CitizenId id;
        try {
            id = CitizenId.parse(command.applicantIdNumber());
        } catch (InvalidCitizenIdException e) {
            throw new EarchiveException(ErrorCode.INVALID_CITIZEN_ID, e.getMessage());
        }
        if (command.applicantName() == null || command.applicantName().isBlank()) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "请输入申请人姓名。Enter the applicant's name.");
        }
        Channel channel = channel(command.channel());
        String employer = null;
        if (command.employerCode() != null && !command.employerCode().isBlank()) {
            try {
                employer = CreditCode.parse(command.employerCode());
            } catch (IllegalArgumentException e) {
                throw new EarchiveException(ErrorCode.INVALID_CREDIT_CODE, e.getMessage());
            }
        }
        String hall = accounts.find(clerk).map(a -> a.hall()).orElse(null);
        Instant now = Instant.now();
        String caseNumber = numbering.next(now, settings.zone());
        BusinessCase opened =
                new BusinessCase(type, new Applicant(id, command.applicantName()), channel, hall, clerk, now);
        opened.assignNumber(caseNumber);
        BusinessCase c = cases.store(opened);
        if (employer != null) {
            c.employer(
                    employer,
                    command.employerName() == null
                            ? null
                            : command.employerName().strip());
        }
        LOG.info(() -> "Case " + c.caseNumber() + " (" + type.code() + ") opened by " + clerk + " for " + id.masked());
        audit.record(
                clerk, AuditAction.CASE_OPENED, c.caseNumber(), type.code() + " for " + id.masked() + " at " + channel);
        cases.record(new CaseEvent(
                c.id(), c.acceptedAt(), clerk, null, c.status(), channel + (hall == null ? "" : " " + hall)));
        return CaseAssembler.toView(c, type, List.of(), List.of(), seesFullId());
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public CaseView find(String caseNumber) throws EarchiveException {
        BusinessCase c = hall.caseOf(caseNumber);
        BusinessType type = catalogue.find(c.businessType()).orElseThrow();
        return CaseAssembler.toView(
                c, type, documents.findByCase(c.id()), cases.history(c.id()), seesFullId(), captures.ofCase(c.id()));
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public CasePage list(CaseListRequest request) throws EarchiveException {
        return lists.list(
                request,
                context.getCallerPrincipal().getName(),
                hall.confinement().orElse(null));
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public Reminders reminders() {
        return lists.reminders(
                context.getCallerPrincipal().getName(), hall.confinement().orElse(null));
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    public CaseView withdraw(String caseNumber, String reason, String actor) throws EarchiveException {
        hall.caseOf(caseNumber);
        endings.withdraw(caseNumber, reason, actor);
        return find(caseNumber);
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.ADMIN})
    public CaseView close(String caseNumber, String reason, String actor) throws EarchiveException {
        hall.caseOf(caseNumber);
        endings.close(caseNumber, reason, actor);
        return find(caseNumber);
    }

    private boolean seesFullId() {
        return context.isCallerInRole(Roles.CLERK)
                || context.isCallerInRole(Roles.REVIEWER)
                || context.isCallerInRole(Roles.ARCHIVIST);
    }

    private BusinessType businessType(String code) throws EarchiveException {
        if (code == null || code.isBlank()) {
            throw new EarchiveException(ErrorCode.UNKNOWN_BUSINESS_TYPE, "请选择业务类型。Choose a business type.");
        }
        return catalogue
                .find(code.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new EarchiveException(
                        ErrorCode.UNKNOWN_BUSINESS_TYPE,
                        "业务目录中没有业务类型 " + code + "。The business catalogue has no type " + code + "."));
    }

    private static Channel channel(String raw) throws EarchiveException {
        if (raw == null || raw.isBlank()) {
            return Channel.COUNTER;
        }
        try {
            Channel c = Channel.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            if (c == Channel.TRANSFER) {
                throw new IllegalArgumentException("received dossiers are made by the transfer import only");
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "受理渠道应为 COUNTER、ONLINE、KIOSK 或 MOBILE。The channel must be COUNTER, ONLINE, KIOSK or MOBILE.");
        }
    }
}
