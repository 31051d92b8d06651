package org.earchive.archive.application.internal;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
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
import org.earchive.archive.domain.model.cases.CaseRepository;

/**
 * Every minute: cases waiting for a reviewer get one as soon as one is available, and approved cases whose archiving
 * was interrupted (a store that was down) are archived. Once a minute cluster-wide: every node's timer fires every 5 s,
 * asks once per tick, and one node claims the tick ({@link Settings#workflowPeriod()} shortens it for the cluster tests).
 * A calendar timer, not a programmatic one: with {@code TimerService} injected, Payara opens its persistent timer
 * store, an H2 database that listens on every interface.
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

    @EJB
    PromisedMaterials promises;

    @Inject
    CaseRepository cases;

    @Inject
    Settings settings;

    /** The last tick this node asked for: each node asks once per tick. */
    private long asked = -1;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void round() {
        Duration period = settings.workflowPeriod();
        Instant now = Instant.now();
        long tick = now.toEpochMilli() / period.toMillis();
        if (tick == asked) {
            return;
        }
        asked = tick;
        if (!ticks.claim("workflow", now, period)) {
            return; // another node runs this tick's round
        }
        workflow.assignWaiting();
        for (String caseNumber : cases.awaitingMaterials(50)) {
            promises.arrived(caseNumber); // a promised material whose arrival a dead node did not finish
        }
        // five rounds' grace: an archiving still running elsewhere has finished by then (five minutes; 25 s with the
        // tests' 5 s round, so that the fault trials see a case stopped mid-archiving finished soon after restart)
        for (String caseNumber : numbering.approvedWaiting(now.minus(period.multipliedBy(5)), 50)) {
            try {
                // as the system, like a promise kept: the timer's run-as identity was refused by archive() (found by
                // the fault trials: an interrupted archiving was never resumed)
                archive.archiveApproved(caseNumber);
            } catch (EarchiveException | RuntimeException e) {
                LOG.log(Level.WARNING, "Archiving " + caseNumber + " failed again: " + e.getMessage());
            }
        }
    }
}
