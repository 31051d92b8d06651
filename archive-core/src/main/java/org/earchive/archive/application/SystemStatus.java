package org.earchive.archive.application;

import jakarta.ejb.Local;

/** Readiness of what the archive depends on, for health checks. Each method throws if its part does not answer. */
@Local
public interface SystemStatus {
    String checkDatabase() throws Exception;

    String checkObjectStore() throws Exception;

    String checkSearchIndex() throws Exception;
}
