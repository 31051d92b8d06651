package org.earchive.archive.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/**
 * The physical connections behind the application's pool. Payara pools the connections; this class only decides,
 * from MicroProfile Config, whether they go to the embedded H2 database under {@code EARCHIVE_HOME} or to the
 * PostgreSQL server named by {@code EARCHIVE_DB_URL}. Keeping the choice here (rather than in server configuration)
 * means the same EAR runs in both modes with no administration step.
 */
public class ConfiguredDataSource implements DataSource {
    private volatile Target target;
    private int loginTimeout;

    private record Target(Driver driver, String url, Properties properties) {}

    private Target target() {
        Target t = target;
        if (t == null) {
            EarchiveSettings settings = EarchiveSettings.fromConfig();
            String url = settings.jdbcUrl();
            Properties p = new Properties();
            p.setProperty("user", settings.databaseUser());
            p.setProperty("password", settings.databasePassword());
            Driver driver = url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver() : new org.h2.Driver();
            t = new Target(driver, url, p);
            target = t;
        }
        return t;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Target t = target();
        Connection c = t.driver().connect(t.url(), t.properties());
        if (c == null) {
            throw new SQLException("No JDBC driver accepts the URL configured in EARCHIVE_DB_URL");
        }
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
