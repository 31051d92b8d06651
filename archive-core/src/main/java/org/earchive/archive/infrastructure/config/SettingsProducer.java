package org.earchive.archive.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Produces the settings for injection, as {@link org.earchive.archive.application.Settings} into the application and
 * the web module, and as {@link EarchiveSettings} into the infrastructure (database, object store, index). Each
 * injection reads MicroProfile Config afresh, so a changed environment applies at the next request.
 */
@ApplicationScoped
public class SettingsProducer {
    @Produces
    public EarchiveSettings settings() {
        return EarchiveSettings.fromConfig();
    }
}
