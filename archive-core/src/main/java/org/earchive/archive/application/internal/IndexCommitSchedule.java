package org.earchive.archive.application.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.port.SearchIndex;

/** Commits the search index every few seconds, so that uploads do not each wait for a disk sync of the index. */
@Singleton
public class IndexCommitSchedule {
    private static final Logger LOG = Logger.getLogger(IndexCommitSchedule.class.getName());

    @Inject
    SearchIndex index;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void commit() {
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Search index commit failed (entries stay searchable; reindex repairs): " + e.getMessage());
        }
    }
}
