package org.earchive.archive.domain.model.outbox;

import java.time.Instant;
import java.util.List;

public interface OutboxRepository {
    void store(OutboxMessage message);

    /**
     * Up to {@code limit} messages due at {@code now}, oldest first, locked until the caller's transaction ends; rows
     * another node has locked are skipped (each message goes to one node at a time).
     */
    List<OutboxMessage> claimDue(Instant now, int limit);

    /**
     * The case's undelivered messages, locked until the caller's transaction ends; waits for a node that holds some of
     * them (after which those it delivered no longer qualify).
     */
    List<OutboxMessage> claimForCase(String caseNumber);

    /** Removes messages delivered before {@code before}; how many. */
    int purgeDelivered(Instant before);
}
