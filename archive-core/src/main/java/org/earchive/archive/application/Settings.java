package org.earchive.archive.application;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The settings the application and its interfaces act on, owned here and produced by the infrastructure from
 * MicroProfile Config (system properties, the environment, {@code microprofile-config.properties}). Injected, never
 * looked up: a cluster node or a test supplies its own.
 */
public interface Settings {
    /** The fonds code (全宗号) that begins every archive number of this office. */
    String fonds();

    /** The office's time zone: case numbers, formation years and watermarks are dated in it. */
    ZoneId zone();

    /** The largest document a clerk or a station may upload. */
    long maxUploadBytes();

    /** The largest transfer package accepted for verification or import. */
    long transferMaxBytes();

    /** Work space on the server's disk (transfer uploads and extracted packages). */
    Path spoolDirectory();

    /** Where a pension transfer delivers its package for the receiving office to collect. */
    Path transferOutbox();

    /** The only folder hot backups are written under. */
    Path backupRoot();

    /** True in the embedded default (no PostgreSQL, no S3): demo accounts, permanent passwords. */
    boolean embedded();

    /** Wrong passwords in a row after which each further attempt waits longer. */
    int signInDelayAfter();

    /** Wrong passwords in a row that lock an account. */
    int signInLockAfter();

    /** How long a locked account stays locked. */
    Duration signInLockFor();

    /** Failed sign-ins from one address within 10 minutes after which that address is refused. */
    int signInAddressLimit();

    /** How long a claimed capture job is its worker's before another may take it. */
    Duration captureLease();

    /** How often the workflow round (assignment, archiving what was interrupted) runs cluster-wide. */
    Duration workflowPeriod();

    /** How the incremental fixity check paces itself. */
    FixityPolicy fixity();
}
