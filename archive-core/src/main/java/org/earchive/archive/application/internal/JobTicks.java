package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.earchive.archive.application.port.ClusterCoordination;

/**
 * Runs a scheduled job once per tick across the cluster: every node's timer fires, each asks here, one is told yes.
 * The claim is a short transaction of its own, so the job's own work never holds the job's row.
 */
@Stateless
public class JobTicks {
    private static final Logger LOG = Logger.getLogger(JobTicks.class.getName());

    /** This instance as the job table names it: the Payara instance and the host. */
    static final String NODE = System.getProperty("com.sun.aas.instanceName", "server") + "@" + host();

    @Inject
    ClusterCoordination coordination;

    /** Whether this node runs {@code job}'s tick that {@code now} falls in, ticks being {@code period} long. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String job, Instant now, Duration period) {
        long tick = now.toEpochMilli() / period.toMillis();
        boolean mine = coordination.claimTick(job, tick, NODE);
        if (!mine) {
            LOG.fine(() -> job + " tick " + tick + " runs on another node (or ran)");
        }
        return mine;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
