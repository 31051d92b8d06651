package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;

/**
 * Every few seconds, on every node: delivers what the outbox still holds (a crash between a commit and its delivery,
 * a search index or broker that was away), and once an hour drops what was delivered a week ago.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSchedule {
    @EJB
    OutboxRelay relay;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void deliver() {
        relay.drain();
    }

    @Schedule(minute = "17", hour = "*", persistent = false)
    void purge() {
        relay.purge(Duration.ofDays(7));
    }
}
