package org.earchive.archive.application.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earchive.archive.application.MonitoringService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.MonitoringView;
import org.earchive.archive.application.dto.NodeView;
import org.earchive.archive.application.port.MonitoringQueries;

/** Aggregates in the database (group by), never cases loaded one by one: cheap at a hundred thousand cases a day. */
@Stateless
public class DefaultMonitoringService implements MonitoringService {
    @EJB
    DailySummary daily;

    @Inject
    Settings settings;

    @Inject
    MonitoringQueries queries;

    @Inject
    LockWaits auditHeadWaits;

    @Override
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    public MonitoringView summary() {
        Instant now = Instant.now();
        OffsetDateTime nowUtc = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime midnight =
                LocalDate.now(settings.zone()).atStartOfDay(settings.zone()).toOffsetDateTime();
        Map<String, Long> byChannel = queries.acceptedByChannel(midnight);
        Map<String, Long> byHall = queries.acceptedByHall(midnight);
        Map<String, Long> backlog = queries.backlog();
        long overdue = queries.overdue(nowUtc);
        List<MonitoringView.ReviewerLoad> reviewers = queries.reviewerLoads(nowUtc);
        long blocked = queries.blockedByChecks();
        long[] archived = queries.liveRecordsAndBytes();
        long casesToday = byChannel.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> queues = new LinkedHashMap<>();
        queues.put("assignment", backlog.getOrDefault("SUBMITTED", 0L));
        queues.put("archiving", Math.max(0, backlog.getOrDefault("APPROVED", 0L) - blocked));
        queues.put("blocked", blocked);
        return new MonitoringView(
                now,
                casesToday,
                byChannel,
                byHall,
                backlog,
                overdue,
                reviewers,
                blocked,
                archived[0],
                archived[1],
                queues);
    }

    @Override
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    public NodeView node() {
        return new NodeView(JobTicks.NODE, Instant.now(), auditHeadWaits.snapshot(), NodeView.Process.now());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public JsonObject publishDailySummary() {
        return daily.publish();
    }
}
