package org.earchive.archive.application.dto;

import java.util.Map;
import java.util.TreeMap;

/**
 * Waits in microseconds as a histogram: {@code buckets} maps each bucket's lower bound to its count, so histograms of
 * several nodes add up; the percentiles are bucket lower bounds (within 12.5% of the true value).
 */
public record WaitHistogram(long count, long p50Micros, long p99Micros, long maxMicros, Map<Long, Long> buckets) {

    /** The lower bound of the bucket holding the {@code q} quantile, 0 when empty. */
    public static long percentile(Map<Long, Long> buckets, double q) {
        TreeMap<Long, Long> sorted = new TreeMap<>(buckets);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (var e : sorted.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return 0;
    }
}
