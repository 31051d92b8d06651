package org.earchive.archive.domain.model.outbox;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One thing to deliver after a change committed: a case's records to (re)index, or an event for the topic. Delivery
 * is at least once and idempotent on the receiving side (an index entry is replaced by its key; events carry the case
 * and archive numbers their consumers deduplicate on). Never cached: every node reads the row as it is.
 */
@Entity
@Cacheable(false)
@Table(name = "outbox")
public class OutboxMessage {
    /** What the message asks for. */
    public enum Kind {
        /** (re)index every record of the case */
        INDEX_CASE,
        CASE_SUBMITTED,
        RECORD_ARCHIVED,
        RECORD_DISPOSED,
        /** a reviewer's decision (approve, reject, send back) */
        CASE_DECIDED,
        /** withdrawn by the applicant or closed after a rejection */
        CASE_ENDED,
        /** a pension determined: its amounts and the archived evidence they rest on (fund control audits payouts) */
        PENSION_DETERMINED,
        /** a risk signal raised on a case */
        CASE_FLAGGED,
        /** the day's overdue cases and promises, once a day */
        DAILY_SUMMARY
    }

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private Kind kind;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_number", length = 32)
    private String caseNumber;

    @Column(name = "business_type", length = 32)
    private String businessType;

    /** Archive numbers, space-separated. */
    @Column(name = "archive_numbers", length = 4000)
    private String archiveNumbers;

    /** The event's details as JSON text, or none. */
    @Column(name = "details", length = 8000)
    private String details;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_at", nullable = false)
    private Instant nextAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutboxMessage() {}

    private OutboxMessage(Kind kind, Long caseId, String caseNumber, String businessType, List<String> numbers) {
        this.kind = kind;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.businessType = businessType;
        this.archiveNumbers = numbers.isEmpty() ? null : String.join(" ", numbers);
        this.createdAt = Instant.now();
        this.nextAt = createdAt;
    }

    public static OutboxMessage indexCase(long caseId, String caseNumber) {
        return new OutboxMessage(Kind.INDEX_CASE, caseId, caseNumber, null, List.of());
    }

    public static OutboxMessage event(Kind kind, String caseNumber, String businessType, List<String> archiveNumbers) {
        if (kind == Kind.INDEX_CASE) {
            throw new IllegalArgumentException("an index request is not an event");
        }
        return new OutboxMessage(kind, null, caseNumber, businessType, archiveNumbers);
    }

    /** An event with details (JSON text of at most 8,000 characters). */
    public static OutboxMessage event(
            Kind kind, String caseNumber, String businessType, List<String> archiveNumbers, String details) {
        if (details != null && details.length() > 8000) {
            throw new IllegalArgumentException("event details over 8,000 characters");
        }
        OutboxMessage m = event(kind, caseNumber, businessType, archiveNumbers);
        m.details = details;
        return m;
    }

    /** The event's details as JSON text, or null. */
    public String details() {
        return details;
    }

    public void delivered(Instant at) {
        deliveredAt = at;
        lastError = null;
    }

    /** A failed delivery: tried again later, waiting longer each time (2 s, 4 s, … up to 5 minutes). */
    public void failed(Instant at, String error) {
        attempts++;
        long wait = Math.min(300, 1L << Math.min(attempts, 9));
        nextAt = at.plus(Duration.ofSeconds(wait));
        lastError = error == null ? "failed" : error.substring(0, Math.min(error.length(), 1000));
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Long caseId() {
        return caseId;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String businessType() {
        return businessType;
    }

    public List<String> archiveNumbers() {
        return archiveNumbers == null ? List.of() : Arrays.asList(archiveNumbers.split(" "));
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAt() {
        return nextAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String lastError() {
        return lastError;
    }
}
