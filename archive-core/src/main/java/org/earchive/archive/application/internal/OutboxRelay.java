package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.port.ArchiveEvents;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.outbox.OutboxMessage;
import org.earchive.archive.domain.model.outbox.OutboxRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

/**
 * Delivers the outbox: claims due messages (rows other nodes hold are skipped), indexes or publishes each, and marks
 * it delivered in the same short transaction; a failed delivery is retried later with a growing wait. Runs right after
 * the change that wrote the messages (so the index is current when the request returns; on SolrCloud within a second
 * of it) and every few seconds on every node (so whatever a crash left behind is delivered by a survivor).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    static final int BATCH = 50;
    /** How long a message is its own request's to deliver before the rounds take it. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    @Inject
    OutboxRepository outbox;

    @Inject
    ArchiveRepository archive;

    @Inject
    CaseRepository cases;

    @Inject
    SearchIndex index;

    @Inject
    ArchiveEvents events;

    @EJB
    DocumentTexts texts;

    @EJB
    OutboxRelay self;

    /** Delivers what a change to the case left in the outbox, before its request returns. Never throws. */
    public void drain(String caseNumber) {
        try {
            self.deliverCase(caseNumber);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Outbox delivery of " + caseNumber + " deferred to the next round: " + e.getMessage(),
                    e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverCase(String caseNumber) {
        return deliver(outbox.claimForCase(caseNumber));
    }

    /**
     * Delivers everything undelivered now, fresh messages included (after a change to many cases: a disposal, an
     * import). Never throws.
     */
    public void drainNow() {
        try {
            while (self.deliverDue(Instant.now()) == BATCH) {
                // the next batch
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox delivery deferred to the next round: " + e.getMessage(), e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverDue(Instant dueBy) {
        return deliver(outbox.claimDue(dueBy, BATCH));
    }

    /**
     * Delivers what is left behind — messages due for {@link #SETTLE} or more, whose own request did not deliver them (a
     * crash, an index or broker away) — batch after batch; how many were delivered. Never throws.
     */
    public int drain() {
        int delivered = 0;
        try {
            int n;
            do {
                n = self.deliverDue(Instant.now().minus(SETTLE));
                delivered += n;
            } while (n == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox delivery stopped (the next round resumes it): " + e.getMessage(), e);
        }
        return delivered;
    }

    private int deliver(List<OutboxMessage> due) {
        int delivered = 0;
        for (OutboxMessage m : due) {
            try {
                deliver(m);
                m.delivered(Instant.now());
                delivered++;
            } catch (IOException | RuntimeException e) {
                m.failed(Instant.now(), e.getMessage());
                LOG.warning("Outbox message " + m.id() + " (" + m.kind() + " " + m.caseNumber() + ") not delivered, "
                        + "attempt " + m.attempts() + ": " + e.getMessage());
            }
        }
        return delivered;
    }

    /** Removes delivered messages older than {@code age}; how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purge(Duration age) {
        return outbox.purgeDelivered(Instant.now().minus(age));
    }

    private void deliver(OutboxMessage m) throws IOException {
        switch (m.kind()) {
            case INDEX_CASE -> indexCase(m.caseId());
            case CASE_SUBMITTED -> events.caseSubmitted(m.caseNumber(), m.businessType());
            case RECORD_ARCHIVED -> events.recordsArchived(m.caseNumber(), m.businessType(), m.archiveNumbers());
            case RECORD_DISPOSED ->
                events.recordDisposed(
                        m.caseNumber(), m.businessType(), m.archiveNumbers().get(0));
            default ->
                events.publish(m.kind().name(), m.caseNumber(), m.businessType(), m.archiveNumbers(), m.details());
        }
    }

    private void indexCase(long caseId) throws IOException {
        List<ArchiveRecord> records = archive.byCase(caseId);
        if (records.isEmpty()) {
            return;
        }
        BusinessCase c = cases.findById(caseId).orElseThrow();
        index.indexAll(records.stream()
                .map(r -> DefaultSearchService.entry(r, c, texts.ofRecord(r)))
                .toList());
    }
}
