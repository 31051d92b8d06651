package org.earchive.archive.domain.model.borrowing;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.earchive.archive.domain.model.shared.Decision;

/**
 * A borrowing (借阅) of one archived record: requested with a purpose and a number of days, decided by an archivist
 * who is not the reader, valid from the approval until it expires.
 */
@Entity
@Table(name = "borrowing")
public class Borrowing {
    /** Names are stored. */
    public enum Status {
        REQUESTED,
        APPROVED,
        REJECTED
    }

    public static final int MAX_DAYS = 30;

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "archive_number", nullable = false, length = 64)
    private String archiveNumber;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "purpose", nullable = false, length = 500)
    private String purpose;

    @Column(name = "days", nullable = false)
    private int days;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Embedded
    private Decision decision;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Borrowing() {}

    public Borrowing(String archiveNumber, String requestedBy, String purpose, int days, Instant now) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("请写明借阅目的。State the purpose of the borrowing.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "借阅期限为 1 至 " + MAX_DAYS + " 天。A borrowing lasts 1 to " + MAX_DAYS + " days.");
        }
        this.archiveNumber = archiveNumber;
        this.requestedBy = requestedBy;
        this.purpose = purpose.strip();
        this.days = days;
        this.requestedAt = now;
        this.status = Status.REQUESTED.name();
    }

    /** Approves (from now, for the days asked) or rejects; only once. */
    public void decide(boolean approve, String by, String comment, Instant now) {
        if (status() != Status.REQUESTED) {
            throw new IllegalStateException("借阅申请 " + id + " 已经处理。Borrowing " + id + " is already " + status + ".");
        }
        this.status = (approve ? Status.APPROVED : Status.REJECTED).name();
        this.decision = new Decision(by, now, comment);
        this.expiresAt = approve ? now.plus(Duration.ofDays(days)) : null;
    }

    /** Approved and not yet expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return status() == Status.APPROVED && expiresAt != null && now.isBefore(expiresAt);
    }

    public Long id() {
        return id;
    }

    public String archiveNumber() {
        return archiveNumber;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String purpose() {
        return purpose;
    }

    public int days() {
        return days;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public String decidedBy() {
        return decision == null ? null : decision.by();
    }

    public Instant decidedAt() {
        return decision == null ? null : decision.at();
    }

    public String decisionComment() {
        return decision == null ? null : decision.comment();
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
