package org.earchive.archive.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.earchive.archive.application.port.DatabaseStatus;
import org.earchive.archive.infrastructure.persistence.migration.SchemaMigrator;

/** Asks the application's connection pool for a valid connection. */
@ApplicationScoped
public class JdbcDatabaseStatus implements DatabaseStatus {
    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public String check() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(5)) {
                throw new IllegalStateException("The database connection is not valid");
            }
            return c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion();
        }
    }
}
