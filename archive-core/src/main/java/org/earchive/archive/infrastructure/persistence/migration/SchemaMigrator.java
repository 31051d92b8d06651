package org.earchive.archive.infrastructure.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.earchive.archive.infrastructure.config.ClusterMode;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, before anything else touches the database. The schema belongs
 * to the migrations under {@code db/migration}; EclipseLink generates no DDL, so an upgrade never drops an archive.
 */
@DataSourceDefinition(
        name = SchemaMigrator.DATA_SOURCE,
        className = "org.earchive.archive.infrastructure.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        transactional = true,
        // a connection is checked (JDBC 4 isValid) before use, at most every 2 s; one that fails empties the pool, so
        // after a PostgreSQL failover the pool reconnects to the new primary (the URL lists both hosts,
        // targetServerType=primary) without a restart
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true"
        })
@Singleton(name = "SchemaMigrator")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {
    public static final String DATA_SOURCE = "java:app/jdbc/earchive";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    EarchiveSettings settings;

    @PostConstruct
    void migrate() {
        // before anything touches the shared engines: a cluster on one node's database, folder or index loses records
        ClusterMode.check(settings);
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now, "
                + result.database
                + ")");
    }
}
