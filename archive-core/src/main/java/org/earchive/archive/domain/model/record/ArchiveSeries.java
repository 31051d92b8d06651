package org.earchive.archive.domain.model.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The counter of one archive series. Locked while an item number is taken, so numbers are unique and gap-free. */
@Entity
@Table(name = "archive_series")
public class ArchiveSeries {
    @Id
    @Column(name = "series_key", length = 64)
    private String seriesKey;

    @Column(name = "last_item", nullable = false)
    private long lastItem;

    protected ArchiveSeries() {}

    public ArchiveSeries(String seriesKey) {
        this.seriesKey = seriesKey;
    }

    /** The next item number; the caller holds the lock and writes the record in the same transaction. */
    public long next() {
        return ++lastItem;
    }

    public String seriesKey() {
        return seriesKey;
    }

    public long lastItem() {
        return lastItem;
    }
}
