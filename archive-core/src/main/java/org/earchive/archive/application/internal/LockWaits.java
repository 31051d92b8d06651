package org.earchive.archive.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.earchive.archive.application.dto.WaitHistogram;

/**
 * How long this node waited for the audit chain's head row, the one lock every audited change in the cluster takes:
 * a log-linear histogram (8 buckets per power of two, so a percentile is within 12.5%) that nodes' snapshots can be
 * added up from, since percentiles themselves cannot.
 */
@ApplicationScoped
public class LockWaits {
    private static final int LINEAR = 16;
    private static final int SUB = 8;
    private static final int BUCKETS = LINEAR + (63 - 4) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();

    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(index(micros));
        max.accumulateAndGet(micros, Math::max);
    }

    public WaitHistogram snapshot() {
        Map<Long, Long> buckets = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long n = counts.get(i);
            if (n > 0) {
                buckets.put(lowerBound(i), n);
                total += n;
            }
        }
        return new WaitHistogram(
                total,
                WaitHistogram.percentile(buckets, 0.5),
                WaitHistogram.percentile(buckets, 0.99),
                max.get(),
                buckets);
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int e = 63 - Long.numberOfLeadingZeros(micros); // >= 4
        int sub = (int) ((micros >> (e - 3)) & (SUB - 1));
        return LINEAR + (e - 4) * SUB + sub;
    }

    static long lowerBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int e = (index - LINEAR) / SUB + 4;
        int sub = (index - LINEAR) % SUB;
        return (1L << e) + ((long) sub << (e - 3));
    }
}
