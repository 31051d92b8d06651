package org.earchive.archive.application.dto;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;

/**
 * One node's own figures, which the cluster-wide counts cannot show: its name (Payara instance @ host), how long its
 * audited changes waited for the audit chain's head row since it started, and its process's heap, open files and
 * threads (what a long day must not grow).
 */
public record NodeView(String node, Instant at, WaitHistogram auditHeadWait, Process process) {
    /** This JVM now: heap in use, committed and at most (MB), file descriptors open and allowed, live threads. */
    public record Process(
            long heapUsedMb, long heapCommittedMb, long heapMaxMb, long openFiles, long maxFiles, int threads) {
        public static Process now() {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long open = -1;
            long max = -1;
            if (ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean u) {
                open = u.getOpenFileDescriptorCount();
                max = u.getMaxFileDescriptorCount();
            }
            return new Process(
                    heap.getUsed() >> 20,
                    heap.getCommitted() >> 20,
                    heap.getMax() >> 20,
                    open,
                    max,
                    ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }
}
