package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.FixitySlice;
import org.earchive.archive.application.dto.OrphanSlice;

/**
 * The incremental fixity check's clock, on every node (not once per tick: the nodes share the work through the
 * ledger's claims): each minute, slices of due objects for the policy's part of the minute, until none is due; and the
 * orphan scan's slices on the one node that claims the minute. It
 * replaces the nightly full pass, which after the first year could not finish in a night; the full pass stays on
 * demand ({@code POST /api/admin/fixity-audit}).
 */
@Singleton
public class FixityRounds {
    private static final Logger LOG = Logger.getLogger(FixityRounds.class.getName());
    static final int SLICE = 100;

    @EJB
    FixitySlices slices;

    @EJB
    OrphanScan orphans;

    @EJB
    JobTicks ticks;

    @Inject
    Settings settings;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Keys listed per slice of the orphan scan. */
    static final int ORPHAN_SLICE = 1000;

    /**
     * The orphan scan, once per minute cluster-wide (it walks one cursor: listing is cheap, reading is what the fixity
     * slices spread), slices of the store's keys for up to 20 s, stopping at the end of a pass.
     */
    @Schedule(minute = "*", hour = "*", second = "30", persistent = false)
    void orphanRound() {
        if (settings.fixity().roundEachMinute().isZero()
                || !ticks.claim("orphan-scan", Instant.now(), Duration.ofMinutes(1))) {
            return;
        }
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            OrphanSlice slice;
            do {
                slice = orphans.slice(ORPHAN_SLICE);
            } while (!slice.passEnded() && System.nanoTime() < end);
        } catch (EarchiveException | RuntimeException e) {
            LOG.log(Level.WARNING, "An orphan scan round stopped: " + e.getMessage(), e);
        }
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void round() {
        long budget = settings.fixity().roundEachMinute().toNanos();
        if (budget == 0 || !running.compareAndSet(false, true)) {
            return;
        }
        long end = System.nanoTime() + budget;
        try {
            FixitySlice slice;
            do {
                slice = slices.run(SLICE, "system");
                if (!slice.mismatches().isEmpty() || !slice.missing().isEmpty()) {
                    LOG.severe("Fixity: " + slice.mismatches().size() + " mismatched and "
                            + slice.missing().size() + " missing objects (see the audit trail)");
                }
            } while (slice.checked() + slice.forgotten() > 0 && System.nanoTime() < end);
        } catch (EarchiveException | RuntimeException e) {
            LOG.log(Level.WARNING, "A fixity round stopped: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }
}
