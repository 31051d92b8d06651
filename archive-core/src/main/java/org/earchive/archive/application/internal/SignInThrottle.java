package org.earchive.archive.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address in a fixed 10-minute window: an address over the limit (one client spraying
 * many accounts) is refused until its window ends, whatever account and password it sends. Kept per node, in memory:
 * behind a load balancer each node counts what it sees.
 */
@ApplicationScoped
public class SignInThrottle {
    static final Duration WINDOW = Duration.ofMinutes(10);
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {}

    /** Seconds until the address may try again, or 0 when it may now. */
    long refusedFor(String address, int limit, Instant now) {
        Window w = windows.get(address);
        if (w == null || w.failures() < limit || !now.isBefore(w.start().plus(WINDOW))) {
            return 0;
        }
        return Math.max(1, Duration.between(now, w.start().plus(WINDOW)).toSeconds());
    }

    /** Counts a failure; true when it took the address over the limit. */
    boolean failed(String address, int limit, Instant now) {
        if (windows.size() > 100_000) {
            windows.clear();
        }
        Window w = windows.compute(
                address,
                (a, old) -> old == null || !now.isBefore(old.start().plus(WINDOW))
                        ? new Window(now, 1)
                        : new Window(old.start(), old.failures() + 1));
        return w.failures() == limit;
    }
}
