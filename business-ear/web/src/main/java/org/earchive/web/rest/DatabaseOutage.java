package org.earchive.web.rest;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;

/**
 * Whether a failure is the database being away for a moment — a failover, a restart: a connection broken (SQLState
 * class 08), the server shutting down (57P), or the pool finding no primary to connect to. The request did not
 * happen (its transaction rolled back) and may simply be sent again, so the caller gets 503 with Retry-After, not 500.
 */
public final class DatabaseOutage {
    public static final String CODE = "DATABASE_UNAVAILABLE";
    public static final String MESSAGE = "数据库暂时不可用（正在切换），请几秒后重试，未保存任何内容。The database is briefly unavailable (a"
            + " failover): nothing was saved; try again in a few seconds.";
    /** The {@code Retry-After} sent with it, in seconds. */
    public static final int RETRY_AFTER = 2;

    private DatabaseOutage() {}

    public static boolean in(Throwable failure) {
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
