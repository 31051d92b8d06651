package org.earchive.archive.application.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Named moments where a fault trial stops the server as {@code kill -9} would ({@link Runtime#halt}: no shutdown, no
 * rollback, no answer), to prove that a crash at that moment loses, duplicates and leaves nothing. Armed by a file: only
 * the trials' server is started with {@code EARCHIVE_FAULT_FILE} naming it; the trial writes a point's name into it,
 * and the point removes it as it halts, so the restarted server runs clean. Without the variable (production) every
 * call is one comparison with null.
 */
final class FaultPoints {
    /** An upload's object is in the store; its document row is not yet committed. */
    static final String OBJECT_STORED = "server.object-stored";
    /** An upload's document row is committed; the client has no answer yet. */
    static final String ROW_COMMITTED = "server.row-committed";
    /** A case's records are numbered (committed); the dossier is not yet closed, indexed or announced. */
    static final String ARCHIVE_NUMBERED = "server.archive-numbered";
    /**
     * A disposal list's record is marked destroyed (committed); its object is not yet deleted, and the list's other
     * records are still listed.
     */
    static final String DISPOSAL_DESTROYED = "server.disposal-destroyed";

    private static final Logger LOG = Logger.getLogger(FaultPoints.class.getName());
    private static final Path ARMING = arming();

    private FaultPoints() {}

    static void reach(String point) {
        if (ARMING == null) {
            return;
        }
        try {
            if (Files.isRegularFile(ARMING) && Files.readString(ARMING).strip().equals(point)) {
                Files.delete(ARMING);
                LOG.severe("FAULT " + point + " reached: halting as kill -9 would");
                Runtime.getRuntime().halt(137);
            }
        } catch (IOException e) {
            LOG.warning("fault point " + point + ": " + e);
        }
    }

    private static Path arming() {
        String file = System.getenv("EARCHIVE_FAULT_FILE");
        return file == null || file.isBlank() ? null : Path.of(file);
    }
}
