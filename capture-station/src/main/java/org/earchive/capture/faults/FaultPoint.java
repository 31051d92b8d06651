package org.earchive.capture.faults;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named moments where a fault trial stops the process as {@code kill -9} would — {@link Runtime#halt}: no shutdown
 * hook, no {@code finally}, nothing more written — to prove that no moment a crash could pick loses, duplicates or
 * half-writes a page. Armed only by the system property {@code earchive.fault=<point>[@<n>]} (stop the n-th time the
 * point is reached, default the first); nothing sets it outside the trials, so in production every call is one
 * comparison with null.
 */
public final class FaultPoint {
    /** The exit status of a process stopped at its point (as a shell reports a process killed by signal 9). */
    public static final int EXIT = 137;

    /** A page (a scanner's original) written to its temporary file, not yet forced to the disk nor renamed. */
    public static final String PAGE_BEFORE_FSYNC = "station.page-before-fsync";
    /** A page renamed into the spool, the rename not yet acknowledged to the scanner or the hot folder. */
    public static final String PAGE_AFTER_RENAME = "station.page-after-rename";
    /** An upload's body half sent. */
    public static final String UPLOAD_BODY = "station.upload-body";
    /** The server answered 201 with its digest; the station has not yet recorded the confirmation. */
    public static final String AFTER_201 = "station.after-201";

    private static final String ARMED = System.getProperty("earchive.fault");
    private static final AtomicInteger REACHED = new AtomicInteger();

    private FaultPoint() {}

    /** Stops the process here if the trial armed this point (and this is the time it asked for). */
    public static void reach(String point) {
        if (ARMED == null || !armed(point)) {
            return;
        }
        int at = ARMED.contains("@") ? Integer.parseInt(ARMED.substring(ARMED.indexOf('@') + 1)) : 1;
        if (REACHED.incrementAndGet() == at) {
            System.err.println("FAULT " + point + " reached (" + at + "): halting as kill -9 would");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT);
        }
    }

    /** Whether a trial armed this point (to take a slower path only then, e.g. a body sent in small pieces). */
    public static boolean armed(String point) {
        return ARMED != null && (ARMED.equals(point) || ARMED.startsWith(point + "@"));
    }
}
