package org.earchive.archive.application.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;

/**
 * The full-text index over documents and records. It is never the only copy of anything: everything in it can be
 * rebuilt from the database and the object store. An entry indexed is searchable within a second (at once in the
 * embedded index); {@link #commit()} makes everything indexed before it searchable.
 */
public interface SearchIndex {

    /** Adds or replaces the entry for a document or a record. */
    void index(Entry entry) throws IOException;

    /** Adds or replaces many entries. */
    void indexAll(List<Entry> entries) throws IOException;

    /**
     * Starts a new generation of the index, filled from the database while searches still answer from the current
     * one, and put in its place by {@link Rebuild#publish()}. Closing an unpublished rebuild abandons it.
     */
    Rebuild rebuild() throws IOException;

    /** Makes entries indexed since the last commit durable and searchable. */
    void commit() throws IOException;

    /** Which of {@code ids} the index holds now (a reconcile compares the database with the index). */
    Set<String> present(Collection<String> ids) throws IOException;

    /**
     * Full text and filters over archive records, newest first within equal relevance, one page at a time (size 1 to
     * 100, 20 if not given); {@code hall}, when not null, confines the search to that hall's records. The hits are
     * the shape the caller shows, with the matching words marked {@code <em>…</em>} in escaped text.
     */
    SearchResultView search(SearchRequest request, String hall) throws IOException;

    /** Number of entries searchable now. */
    long count() throws IOException;

    /** Throws if the index cannot serve queries. */
    void ping() throws IOException;

    /**
     * Copies a consistent, committed state of the index into {@code target}; returns the number of files copied.
     * Throws {@link UnsupportedOperationException} for an index that lives in a cluster of its own (backed up there).
     */
    long snapshotTo(Path target) throws IOException;

    /** A generation of the index being built. */
    interface Rebuild extends AutoCloseable {
        /** Adds entries to the new generation. */
        void add(List<Entry> entries) throws IOException;

        /** Puts the new generation in place of the current one; searches answer from it from now on. */
        void publish() throws IOException;

        /** Abandons the new generation unless it was published. */
        @Override
        void close() throws IOException;
    }

    /**
     * One searchable thing.
     *
     * @param id stable identity ({@code doc:<id>})
     * @param caseNumber the case it belongs to
     * @param citizenId the applicant's full ID (indexed for exact filters, never stored for display)
     * @param applicantName the applicant's name
     * @param businessType business type code
     * @param material material code
     * @param title file name or record title
     * @param text full text (OCR or the born-digital text)
     * @param kind {@code document} (a case's file) or {@code record} (an archived item)
     * @param archiveNumber the archive number of a record
     * @param category archive category of a record
     * @param hall the hall that accepted the case (clerks search their own hall only)
     * @param epochMillis when the record was archived (or the document stored)
     */
    record Entry(
            String id,
            String caseNumber,
            String citizenId,
            String applicantName,
            String businessType,
            String material,
            String title,
            String text,
            String kind,
            String archiveNumber,
            String category,
            String hall,
            long epochMillis) {}
}
