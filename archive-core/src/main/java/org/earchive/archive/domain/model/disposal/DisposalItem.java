package org.earchive.archive.domain.model.disposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One record on a destruction list, and what became of it when the list was executed. */
@Entity
@Table(name = "disposal_item")
public class DisposalItem {
    /** Names are stored. */
    public enum Outcome {
        LISTED,
        DESTROYED,
        SKIPPED
    }

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "list_id", nullable = false)
    private Long listId;

    @Column(name = "archive_number", nullable = false, length = 64)
    private String archiveNumber;

    @Column(name = "retain_until", nullable = false)
    private LocalDate retainUntil;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "outcome_detail", length = 500)
    private String outcomeDetail;

    protected DisposalItem() {}

    public DisposalItem(long listId, String archiveNumber, LocalDate retainUntil) {
        this.listId = listId;
        this.archiveNumber = archiveNumber;
        this.retainUntil = retainUntil;
        this.outcome = Outcome.LISTED.name();
    }

    public void outcome(Outcome outcome, String detail) {
        this.outcome = outcome.name();
        this.outcomeDetail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    public Long id() {
        return id;
    }

    public Long listId() {
        return listId;
    }

    public String archiveNumber() {
        return archiveNumber;
    }

    public LocalDate retainUntil() {
        return retainUntil;
    }

    public Outcome outcome() {
        return Outcome.valueOf(outcome);
    }

    public String outcomeDetail() {
        return outcomeDetail;
    }
}
