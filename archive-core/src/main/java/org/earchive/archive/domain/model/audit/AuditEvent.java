package org.earchive.archive.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/** One link of the chain. Immutable once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    /** The hash before the first event. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 32)
    private AuditAction action;

    @Column(name = "target", nullable = false, length = 120)
    private String target;

    @Column(name = "detail", nullable = false, length = 2000)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {}

    /** The event that follows {@code previousSeq}/{@code previousHash} in the chain. */
    public AuditEvent(
            long previousSeq,
            String previousHash,
            Instant at,
            String actor,
            AuditAction action,
            String target,
            String detail) {
        this.seq = previousSeq + 1;
        // Stored with microsecond precision by both databases: hash what will be read back.
        this.occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        this.actor = clip(actor == null ? "system" : actor, 64);
        this.action = Objects.requireNonNull(action);
        this.target = clip(target == null ? "" : target, 120);
        this.detail = clip(detail == null ? "" : detail, 2000);
        this.prevHash = previousHash;
        this.hash = computeHash();
    }

    /** The hash this event's content and predecessor call for; differs from {@link #hash()} if the row was changed. */
    public String computeHash() {
        String canonical = seq + "\n" + occurredAt + "\n" + actor + "\n" + action.name() + "\n" + target + "\n" + detail
                + "\n" + prevHash;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
