package org.earchive.archive.domain.model.check;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of the DA/T 70 four-property check (四性检测) over a dossier, kept with the records: when, why, by whom,
 * whether it passed, and every item checked (JSON, see {@code CheckItem}).
 */
@Entity
@Table(name = "property_check")
public class PropertyCheck {
    /** Why the check ran. Names are stored. */
    public enum Occasion {
        ARCHIVING,
        ON_DEMAND,
        RECEIPT,
        PERIODIC
    }

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "occasion", nullable = false, length = 16)
    private String occasion;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "checked_by", nullable = false, length = 64)
    private String checkedBy;

    @Column(name = "passed", nullable = false)
    private boolean passed;

    @Column(name = "items", nullable = false, length = 1000000)
    private String items;

    /** Failed only because a service the check needs could not answer (the virus scanner): tried again by itself. */
    @Column(name = "outage", nullable = false)
    private boolean outage;

    protected PropertyCheck() {}

    public PropertyCheck(
            long caseId,
            Occasion occasion,
            Instant checkedAt,
            String checkedBy,
            boolean passed,
            boolean outage,
            String items) {
        this.caseId = caseId;
        this.occasion = occasion.name();
        this.checkedAt = checkedAt;
        this.checkedBy = checkedBy;
        this.passed = passed;
        this.outage = !passed && outage;
        this.items = items;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String occasion() {
        return occasion;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public String checkedBy() {
        return checkedBy;
    }

    public boolean passed() {
        return passed;
    }

    /** Whether this failed report blames an outage, not the dossier: archiving is tried again once it ends. */
    public boolean outage() {
        return outage;
    }

    public String items() {
        return items;
    }
}
