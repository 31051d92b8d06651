package org.earchive.web.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The failures the cluster bench saw while the PostgreSQL standby was promoted, as the container wrapped them. */
class DatabaseOutageTest {

    @Test
    void aBrokenConnectionOrNoPrimaryToConnectToIsAnOutageTheClientMayRetry() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseOutage.in(new EJBTransactionRolledbackException(
                "Exception thrown from bean", new PersistenceException("EclipseLink-4002", broken))));
        EJBException noPrimary = new EJBException(new PersistenceException(new SQLException(
                "Error in allocating a connection",
                new ResourceAllocationException("Could not find a server with specified targetServerType: primary"))));
        assertTrue(DatabaseOutage.in(noPrimary));
        assertTrue(DatabaseOutage.in(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void anythingElseStaysAnIncident() {
        assertFalse(DatabaseOutage.in(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.in(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.in(new EJBException("no cause")));
    }
}
