package org.earchive.archive.domain.model.disposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.earchive.archive.domain.model.shared.Decision;

/**
 * A destruction list (销毁清册): the records found past retention on the appraisal day. It is proposed by the
 * appraisal job, approved or rejected by someone other than its author, then executed; it is kept for ever.
 */
@Entity
@Table(name = "disposal_list")
public class DisposalList {
    /** Names are stored. */
    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED,
        EXECUTED
    }

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "appraised_on", nullable = false)
    private LocalDate appraisedOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Embedded
    private Decision decision;

    @Column(name = "executed_by", length = 64)
    private String executedBy;

    @Column(name = "executed_at")
    private Instant executedAt;

    protected DisposalList() {}

    public DisposalList(LocalDate appraisedOn, String createdBy, Instant now) {
        this.appraisedOn = appraisedOn;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = Status.PROPOSED.name();
    }

    public void decide(boolean approve, String by, String comment, Instant now) {
        if (status() != Status.PROPOSED) {
            throw new IllegalStateException(
                    "销毁清册 " + id + " 的状态是 " + status + "，不能再审批。Disposal list " + id + " is " + status + ".");
        }
        this.status = (approve ? Status.APPROVED : Status.REJECTED).name();
        this.decision = new Decision(by, now, comment);
    }

    public void executed(String by, Instant now) {
        if (status() != Status.APPROVED) {
            throw new IllegalStateException("销毁清册 " + id + " 未经批准，不能执行销毁。Disposal list " + id + " is " + status
                    + ": only an approved list is executed.");
        }
        this.status = Status.EXECUTED.name();
        this.executedBy = by;
        this.executedAt = now;
    }

    public Long id() {
        return id;
    }

    public LocalDate appraisedOn() {
        return appraisedOn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
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

    public String executedBy() {
        return executedBy;
    }

    public Instant executedAt() {
        return executedAt;
    }
}
