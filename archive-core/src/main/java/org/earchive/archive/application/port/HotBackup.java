package org.earchive.archive.application.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Copies the embedded default's database and objects while it runs. A production installation (PostgreSQL, S3) is
 * backed up by those engines' own means, and says so.
 */
public interface HotBackup {
    /** Why this installation takes no hot backup, in words for the administrator; empty when it can. */
    Optional<String> refusal();

    /** A consistent copy of the database into {@code file}. */
    void copyDatabase(Path file) throws IOException;

    /** Copies the objects not yet under {@code folder} (objects never change once written); returns how many are. */
    long copyObjects(Path folder) throws IOException;
}
