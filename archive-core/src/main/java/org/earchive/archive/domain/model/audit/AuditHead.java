package org.earchive.archive.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: one row, locked while an event is appended, so that appends are serialised across every
 * node of a cluster and the chain never forks. It also lets verification notice events cut off the end.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {
    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id = ID;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash = AuditEvent.GENESIS;

    protected AuditHead() {}

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }

    public void advanceTo(AuditEvent event) {
        if (event.seq() != lastSeq + 1 || !event.prevHash().equals(lastHash)) {
            throw new IllegalStateException("An audit event must follow the head of the chain");
        }
        lastSeq = event.seq();
        lastHash = event.hash();
    }
}
