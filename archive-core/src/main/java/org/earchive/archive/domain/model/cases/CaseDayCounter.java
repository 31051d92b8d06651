package org.earchive.archive.domain.model.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The running number of one day's cases, one row per day in the shared database: a node takes the next number under
 * the row's lock, so numbers are unique across the cluster whichever node accepts the case.
 */
@Entity
@Table(name = "case_day_counter")
public class CaseDayCounter {
    @Id
    @Column(name = "day_key", length = 8)
    private String day;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected CaseDayCounter() {}

    public CaseDayCounter(String day) {
        this.day = day;
    }

    /** Takes the day's next number (the caller holds the row's lock). */
    public String next() {
        lastNumber++;
        return CaseNumber.of(day, lastNumber);
    }

    public String day() {
        return day;
    }

    public long lastNumber() {
        return lastNumber;
    }
}
