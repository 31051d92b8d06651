package org.earchive.capture.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * CPU time per pipeline step, summed over all worker threads, when {@code -Dearchive.capture.profile=true}: where a
 * page's CPU goes, for the benchmark's report. Off, it costs one boolean test per step.
 */
public final class StepTimes {
    private static final boolean ON = Boolean.getBoolean("earchive.capture.profile");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();

    private StepTimes() {}

    public static <T> T time(String step, Supplier<T> work) {
        if (!ON) {
            return work.get();
        }
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            NANOS.computeIfAbsent(step, k -> new LongAdder()).add(THREADS.getCurrentThreadCpuTime() - start);
        }
    }

    /** Milliseconds of CPU per step since the last reset. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        NANOS.forEach((k, v) -> out.put(k, v.sum() / 1_000_000));
        return out;
    }

    public static void reset() {
        NANOS.clear();
    }

    public static boolean on() {
        return ON;
    }
}
