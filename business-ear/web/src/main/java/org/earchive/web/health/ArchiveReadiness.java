package org.earchive.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import org.earchive.archive.application.SystemStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per dependency, so /health names the one that is down. Payara builds health checks while the
 * application is still initialising, before the web module's {@code java:comp} references can be resolved, so the
 * service is looked up by its portable name when a check runs rather than injected.
 *
 * <p>Liveness ({@code /health/live}) is this instance alone: the application deployed and its services bound. A load
 * balancer checks that, not readiness: the engines are shared, so a search cluster or database that is down would take
 * every instance out together, and with them the uploads that do not need it.
 */
@ApplicationScoped
public class ArchiveReadiness {
    private static final Logger LOG = Logger.getLogger(ArchiveReadiness.class.getName());
    static final String SYSTEM_STATUS =
            "java:app/archive-core/DefaultSystemStatus!org.earchive.archive.application.SystemStatus";

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> check("database", SystemStatus::checkDatabase);
    }

    @Produces
    @Readiness
    HealthCheck objectStore() {
        return () -> check("object-store", SystemStatus::checkObjectStore);
    }

    @Produces
    @Readiness
    HealthCheck searchIndex() {
        return () -> check("search-index", SystemStatus::checkSearchIndex);
    }

    @Produces
    @Liveness
    HealthCheck application() {
        return () -> check("application", status -> "bound");
    }

    @FunctionalInterface
    interface Probe {
        String run(SystemStatus status) throws Exception;
    }

    /**
     * UP or DOWN and nothing more: /health answers anyone, so it names no product, version, size or error text (the
     * reason a check is down goes to the server log).
     */
    private static HealthCheckResponse check(String name, Probe probe) {
        try {
            SystemStatus status = (SystemStatus) new InitialContext().lookup(SYSTEM_STATUS);
            probe.run(status);
            return HealthCheckResponse.named(name).up().build();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health check " + name + " is DOWN: " + e.getMessage(), e);
            return HealthCheckResponse.named(name).down().build();
        }
    }
}
