package org.earchive.archive.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.earchive.archive.application.dto.WaitHistogram;
import org.junit.jupiter.api.Test;

class LockWaitsTest {

    @Test
    void everyValueFallsInABucketWhoseLowerBoundIsWithinAnEighthBelowIt() {
        for (long v : new long[] {0, 1, 15, 16, 17, 31, 32, 1000, 123_456, 9_999_999, Long.MAX_VALUE / 1000}) {
            long low = LockWaits.lowerBound(LockWaits.index(v));
            assertTrue(low <= v && v - low <= Math.max(0, v / 8), v + " in bucket from " + low);
            assertEquals(LockWaits.index(v), LockWaits.index(low), "the lower bound is in its own bucket");
        }
    }

    @Test
    void percentilesMatchTheSamplesWithinTheBucketsResolution() {
        LockWaits waits = new LockWaits();
        Random random = new Random(7);
        long[] micros = new long[10_000];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = (long) Math.exp(random.nextDouble() * 12); // 1 µs .. 160 ms, spread over the scale
            waits.record(micros[i] * 1000);
        }
        Arrays.sort(micros);
        WaitHistogram h = waits.snapshot();
        assertEquals(10_000, h.count());
        assertEquals(micros[micros.length - 1], h.maxMicros());
        long p99 = micros[(int) Math.ceil(0.99 * micros.length) - 1];
        assertTrue(h.p99Micros() <= p99 && h.p99Micros() >= p99 * 7 / 8, h.p99Micros() + " vs " + p99);
        long p50 = micros[micros.length / 2 - 1];
        assertTrue(h.p50Micros() <= p50 && h.p50Micros() >= p50 * 7 / 8, h.p50Micros() + " vs " + p50);
    }

    @Test
    void twoNodesHistogramsAddUpToTheClustersPercentile() {
        LockWaits fast = new LockWaits();
        LockWaits slow = new LockWaits();
        for (int i = 0; i < 98; i++) {
            fast.record(100_000); // 100 µs
        }
        slow.record(50_000_000); // 50 ms
        slow.record(60_000_000);
        Map<Long, Long> all = new HashMap<>(fast.snapshot().buckets());
        slow.snapshot().buckets().forEach((k, v) -> all.merge(k, v, Long::sum));
        long p99 = WaitHistogram.percentile(all, 0.99);
        assertTrue(p99 >= 50_000 * 7 / 8 && p99 <= 50_000, "the cluster's p99 is the slow node's wait: " + p99);
        assertEquals(0, WaitHistogram.percentile(Map.of(), 0.99));
    }
}
