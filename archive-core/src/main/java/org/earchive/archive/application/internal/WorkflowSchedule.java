package org.earchive.archive.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.WorkflowService;

/**
 * Every minute: cases waiting for a reviewer get one as soon as one is available, and approved cases whose archiving
 * was interrupted (a store that was down) are archived. Once a minute cluster-wide: every node's timer fires, one node
 * claims the minute ({@link Settings#workflowPeriod()} shortens it for the cluster tests).
 */
@Singleton
@Startup
@RunAs(Roles.ARCHIVIST)
public class WorkflowSchedule {
    private static final Logger LOG = Logger.getLogger(WorkflowSchedule.class.getName());

    @EJB
    WorkflowService workflow;

    @EJB
    ArchiveService archive;

    @EJB
    ArchiveNumbering numbering;

    @EJB
    JobTicks ticks;

    @Inject
    Settings settings;

    @Resource
    TimerService timers;

    private Duration period;

    @PostConstruct
    void schedule() {
        period = settings.workflowPeriod();
        long millis = period.toMillis();
        // the first round at the next period boundary, so every node's timer fires at the same instants
        long first = millis - System.currentTimeMillis() % millis + 500;
        timers.createIntervalTimer(first, millis, new TimerConfig("workflow", false));
    }

    @Timeout
    void round() {
        if (!ticks.claim("workflow", Instant.now(), period)) {
            return; // another node runs this minute's round
        }
        workflow.assignWaiting();
        for (String caseNumber : numbering.approvedWaiting(50)) {
            try {
                archive.archive(caseNumber);
            } catch (EarchiveException | RuntimeException e) {
                LOG.log(Level.WARNING, "Archiving " + caseNumber + " failed again: " + e.getMessage());
            }
        }
    }
}
