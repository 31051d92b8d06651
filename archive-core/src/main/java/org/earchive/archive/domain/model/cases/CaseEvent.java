package org.earchive.archive.domain.model.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in a case's history: who moved it from which state to which, and why. */
@Entity
@Table(name = "case_event")
public class CaseEvent {
    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 24)
    private CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 24)
    private CaseStatus toStatus;

    @Column(name = "comment", length = 1000)
    private String comment;

    protected CaseEvent() {}

    public CaseEvent(Long caseId, Instant at, String actor, CaseStatus from, CaseStatus to, String comment) {
        this.caseId = caseId;
        this.occurredAt = at;
        this.actor = actor;
        this.fromStatus = from;
        this.toStatus = to;
        this.comment = comment == null || comment.length() <= 1000 ? comment : comment.substring(0, 1000);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public CaseStatus fromStatus() {
        return fromStatus;
    }

    public CaseStatus toStatus() {
        return toStatus;
    }

    public String comment() {
        return comment;
    }
}
