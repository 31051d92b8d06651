package org.earchive.web.rest;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;

/**
 * Whether a failure is the database being away for a moment — a failover, a restart: a connection broken (SQLState
 * class 08), the server shutting down (57P), or the pool finding no primary to connect to. The request did not
 * happen (its transaction rolled back) and may simply be sent again, so the caller gets 503 with Retry-After, not 500.
 */
final class DatabaseOutage {
    private DatabaseOutage() {}

    static boolean in(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 30; depth++) {
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof ResourceAllocationException) {
                return true;
            }
            Throwable next = t instanceof EJBException ejb && ejb.getCausedByException() != null
                    ? ejb.getCausedByException()
                    : t.getCause();
            t = next == t ? null : next;
        }
        return false;
    }
}
