package org.earchive.archive.domain.model.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ArchiveRepository {
    /** The series counter, created if new, locked until the end of the transaction. */
    ArchiveSeries lockSeries(String seriesKey);

    /** Creates the counter row of a series if it is new; a concurrent creation of the same series is harmless. */
    boolean createSeriesIfAbsent(String seriesKey);

    void store(ArchiveRecord record);

    Optional<ArchiveRecord> find(String archiveNumber);

    /** The record, locked until the end of the transaction (holds, restriction, destruction). */
    Optional<ArchiveRecord> findForUpdate(String archiveNumber);

    List<ArchiveRecord> byCitizen(String citizenId);

    List<ArchiveRecord> byCase(long caseId);

    /** Whether the document is the file of an archive record (archived, not merely uploaded to a case). */
    boolean isArchived(long documentId);

    /** Item numbers of a series in order, for the gap check. */
    List<Long> items(String seriesKey);

    /** Records after {@code afterId} in id order, each with its case, for rebuilding the index. */
    List<Object[]> pageWithCases(long afterId, int limit);

    /** The record received here from {@code office}'s {@code number}, if it was. */
    Optional<ArchiveRecord> bySource(String office, String number);

    /** Records archived in [from, to), in id order after {@code afterId}: exports page through them. */
    List<ArchiveRecord> archivedBetween(Instant from, Instant to, long afterId, int limit);

    /**
     * The next page of records past retention on {@code day}, after record {@code afterId}: not held, not destroyed.
     */
    List<ArchiveRecord> dueOn(LocalDate day, long afterId, int limit);

    /** The record whose file is this document, if it is archived. */
    Optional<ArchiveRecord> byDocument(long documentId);

    /** Of these records, those restricted or destroyed, each with whether it is destroyed. */
    Map<String, Boolean> restrictedOrDisposed(Collection<String> archiveNumbers);

    /** Whether another record with the same object is under legal hold. */
    boolean anotherHolds(String objectKey, String archiveNumber);

    /** A person's live, unrestricted records of these materials, newest first, at most {@code limit}. */
    List<ArchiveRecord> reusable(String citizenId, Collection<String> materials, int limit);

    /** Writes pending records now (their ids, and any conflict with a unique number, are known after it). */
    void flush();
}
