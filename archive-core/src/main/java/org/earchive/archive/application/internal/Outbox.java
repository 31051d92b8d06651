package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import org.earchive.archive.domain.model.outbox.OutboxMessage;
import org.earchive.archive.domain.model.outbox.OutboxRepository;

/**
 * Writes what the search index and the event topic must hear of a change, in the change's own transaction (it joins
 * the caller's); {@link OutboxRelay} delivers it after the commit, on this node at once or on any node later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Outbox {
    @Inject
    OutboxRepository outbox;

    /** Every record of the case is (re)indexed from the database as it is when the message is delivered. */
    public void indexCase(long caseId, String caseNumber) {
        outbox.store(OutboxMessage.indexCase(caseId, caseNumber));
    }

    public void caseSubmitted(String caseNumber, String businessType) {
        outbox.store(OutboxMessage.event(OutboxMessage.Kind.CASE_SUBMITTED, caseNumber, businessType, List.of()));
    }

    public void recordsArchived(String caseNumber, String businessType, List<String> archiveNumbers) {
        outbox.store(OutboxMessage.event(OutboxMessage.Kind.RECORD_ARCHIVED, caseNumber, businessType, archiveNumbers));
    }

    /** An event of the catalogue with its details (the AsyncAPI document names each type's fields). */
    public void event(OutboxMessage.Kind kind, String caseNumber, String businessType, JsonObject details) {
        outbox.store(OutboxMessage.event(
                kind, caseNumber, businessType, List.of(), details == null ? null : details.toString()));
    }

    public void recordDisposed(String caseNumber, String businessType, String archiveNumber) {
        outbox.store(OutboxMessage.event(
                OutboxMessage.Kind.RECORD_DISPOSED, caseNumber, businessType, List.of(archiveNumber)));
    }
}
