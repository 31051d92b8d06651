package org.earchive.archive.application.internal;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.WorkflowService;

/**
 * Every minute: cases waiting for a reviewer get one as soon as one is available, and approved cases whose archiving
 * was interrupted (a store that was down) are archived. Once a minute cluster-wide: one node claims the minute.
 */
@Singleton
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

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        if (!ticks.claim("workflow", Instant.now(), Duration.ofMinutes(1))) {
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
