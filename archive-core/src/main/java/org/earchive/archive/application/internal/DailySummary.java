package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.port.CaseQueries;
import org.earchive.archive.application.port.CaseQueries.Filter;
import org.earchive.archive.domain.model.outbox.OutboxMessage;

/**
 * The daily summary event: every morning at 07:30 (office time), once over the cluster, the day's reminders city-wide
 * — cases past their deadline, 容缺受理 promises due today and already overdue — for the centres' own systems and
 * their morning briefing. An administrator can publish it now ({@code POST /api/admin/daily-summary}).
 */
@Singleton
public class DailySummary {
    @Inject
    CaseQueries queries;

    @Inject
    Settings settings;

    @EJB
    Outbox outbox;

    @EJB
    JobTicks ticks;

    @Schedule(hour = "*", minute = "30", persistent = false)
    void morning() {
        Instant now = Instant.now();
        if (now.atZone(settings.zone()).getHour() != 7 || !ticks.claim("daily-summary", now, Duration.ofHours(1))) {
            return; // 07:30 in the office's zone (the timer runs in the server's), one node of the cluster
        }
        publish();
    }

    /** Writes the summary as an outbox event; delivered after the transaction commits. Returns its details. */
    public JsonObject publish() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(settings.zone());
        long overdue = queries.count(new Filter(null, null, null, null, null, null, null, false, null, now, false));
        long due = queries.count(new Filter(null, null, null, null, null, null, null, false, today, null, false));
        long late = queries.count(
                new Filter(null, null, null, null, null, null, null, false, today.minusDays(1), null, false));
        JsonObject details = Json.createObjectBuilder()
                .add("day", today.toString())
                .add("overdueCases", overdue)
                .add("promisesDueToday", due - late)
                .add("promisesOverdue", late)
                .add("at", now.toString())
                .build();
        outbox.event(OutboxMessage.Kind.DAILY_SUMMARY, null, null, details);
        return details;
    }
}
