package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.CaseListRequest;
import org.earchive.archive.application.dto.CasePage;
import org.earchive.archive.application.dto.CaseSummary;
import org.earchive.archive.application.dto.Reminders;
import org.earchive.archive.application.port.CaseQueries;
import org.earchive.archive.application.port.CaseQueries.Filter;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.shared.Decision;

/**
 * The counter's and back office's case lists: open cases, cases sent back, 容缺受理 promises, overdue cases, and a search
 * by status, applicant and acceptance days; always within the caller's hall when their work is one hall's counter.
 */
@Dependent
public class CaseLists {
    static final int MAX_SIZE = 100;
    private static final Set<String> OPEN = Set.of("ACCEPTED", "SUBMITTED", "ASSIGNED", "SUPPLEMENT_REQUESTED");

    @Inject
    CaseQueries queries;

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    Settings settings;

    public CasePage list(CaseListRequest r, String caller, String hall) throws EarchiveException {
        int size = r.size() <= 0 ? 20 : Math.min(r.size(), MAX_SIZE);
        int page = Math.max(0, r.page());
        Filter filter = filter(r, caller, hall);
        Map<String, String> names = new HashMap<>();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(settings.zone());
        List<CaseSummary> items = queries.find(filter, page * size, size).stream()
                .map(id -> cases.findById(id).orElseThrow())
                .map(c -> summary(c, names, now, today))
                .toList();
        return new CasePage(items, queries.count(filter), page, size);
    }

    public Reminders reminders(String caller, String hall) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(settings.zone());
        Filter mine = new Filter(hall, OPEN, caller, null, null, null, null, false, null, null, false);
        Filter returned = new Filter(hall, null, caller, null, null, null, null, true, null, null, false);
        Filter overdue = new Filter(hall, null, null, null, null, null, null, false, null, now, false);
        Filter dueToday = new Filter(hall, null, null, null, null, null, null, false, today, null, false);
        Filter late = new Filter(hall, null, null, null, null, null, null, false, today.minusDays(1), null, false);
        long promisesOverdue = queries.count(late);
        return new Reminders(
                queries.count(mine),
                queries.count(returned),
                queries.count(overdue),
                queries.count(dueToday) - promisesOverdue,
                promisesOverdue);
    }

    private Filter filter(CaseListRequest r, String caller, String hall) throws EarchiveException {
        ZoneId zone = settings.zone();
        String view = r.view() == null ? "" : r.view().trim().toLowerCase(Locale.ROOT);
        Set<String> statuses = statuses(r.status());
        if (view.equals("open")) {
            statuses = statuses.isEmpty() ? OPEN : statuses;
        }
        String id = null;
        String name = null;
        if (r.applicant() != null && !r.applicant().isBlank()) {
            String a = r.applicant().strip().toUpperCase(Locale.ROOT);
            if (CitizenId.isValid(a)) {
                id = a;
            } else if (a.matches("[0-9Xx]{6,18}")) {
                throw new EarchiveException(
                        ErrorCode.INVALID_CITIZEN_ID,
                        "按身份证号查找须输入完整的 18 位号码。Search by citizen ID with the full 18-character number.");
            } else {
                name = r.applicant().strip();
            }
        }
        return new Filter(
                hall,
                statuses,
                r.mine() ? caller : null,
                id,
                name,
                r.from() == null ? null : r.from().atStartOfDay(zone).toInstant(),
                r.to() == null ? null : r.to().plusDays(1).atStartOfDay(zone).toInstant(),
                view.equals("returned"),
                view.equals("promised") ? LocalDate.of(9999, 12, 31) : null,
                view.equals("overdue") ? Instant.now() : null,
                !view.isEmpty());
    }

    private static Set<String> statuses(String raw) throws EarchiveException {
        Set<String> statuses = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return statuses;
        }
        for (String s : raw.split(",")) {
            try {
                statuses.add(
                        CaseStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw new EarchiveException(
                        ErrorCode.INVALID_REQUEST,
                        "没有案件状态 " + s.strip() + "。There is no case status " + s.strip() + ": use one of "
                                + List.of(CaseStatus.values()) + ".");
            }
        }
        return statuses;
    }

    private CaseSummary summary(BusinessCase c, Map<String, String> names, Instant now, LocalDate today) {
        String typeName = names.computeIfAbsent(
                c.businessType(),
                t -> catalogue.find(t).map(BusinessType::nameZh).orElse(t));
        return new CaseSummary(
                c.caseNumber(),
                c.businessType(),
                typeName,
                c.status().name(),
                c.channel().name(),
                c.applicant().name(),
                CitizenId.mask(c.applicant().idNumber()),
                c.acceptedBy(),
                c.acceptedAt(),
                c.dueAt(),
                c.overdue(now),
                c.assignedTo(),
                c.decidedBy(),
                c.decidedAt(),
                c.decisionComment(),
                c.supplementPromised(),
                c.promiseOpen(),
                c.promiseOverdue(today),
                c.closure().map(Decision::comment).orElse(null));
    }
}
