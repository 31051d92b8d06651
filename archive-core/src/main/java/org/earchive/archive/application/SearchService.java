package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.ReconcileReport;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;

/** Finding archived records: full text and filters, and the index rebuilt from the database. */
@Local
public interface SearchService {
    /**
     * Full text (Chinese word segmentation) and filters over archived records, paged, with highlights. Clerks find
     * their own hall's records only; a restricted record's text is not shown without an active borrowing.
     */
    SearchResultView search(SearchRequest request) throws EarchiveException;

    /** Rebuilds the search index from the database: the index is never the only copy of anything. */
    long reindex() throws EarchiveException;

    /**
     * Compares the database with the index: every archived record the index lacks (an outbox message lost before the
     * outbox, an index restored from an old copy) is indexed again; entries with no record are counted.
     */
    ReconcileReport reconcile() throws EarchiveException;
}
