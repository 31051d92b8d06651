package org.earchive.archive.application.internal;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.FixityAuditService;
import org.earchive.archive.application.Roles;

/**
 * The nightly fixity audit (02:30 server time), on one node of the cluster; on demand through {@code POST
 * /api/admin/fixity-audit}.
 */
@Singleton
@RunAs(Roles.AUDITOR)
public class FixityAuditSchedule {
    private static final Logger LOG = Logger.getLogger(FixityAuditSchedule.class.getName());

    @EJB
    FixityAuditService fixity;

    @EJB
    JobTicks ticks;

    @Schedule(hour = "2", minute = "30", persistent = false)
    void nightly() {
        if (!ticks.claim("fixity-audit", Instant.now(), Duration.ofHours(1))) {
            return; // another node runs tonight's audit
        }
        try {
            fixity.audit();
        } catch (EarchiveException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The nightly fixity audit failed: " + e.getMessage(), e);
        }
    }
}
