package org.earchive.archive.infrastructure.search.solr;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.earchive.archive.application.port.SearchIndex;

/** Opens a SolrCloud index outside the server and drops its collections afterwards (benchmarks). */
public final class SolrIndexes {
    private SolrIndexes() {}

    public static SearchIndex open(List<String> urls, String alias, int shards, int replicas) throws IOException {
        SolrSearchIndex index = new SolrSearchIndex();
        index.open(urls, alias, shards, replicas, ZoneId.systemDefault());
        return index;
    }

    public static void drop(SearchIndex index) throws IOException {
        ((SolrSearchIndex) index).dropAll();
        ((SolrSearchIndex) index).close();
    }
}
