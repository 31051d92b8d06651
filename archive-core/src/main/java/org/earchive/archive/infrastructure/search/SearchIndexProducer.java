package org.earchive.archive.infrastructure.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.earchive.archive.infrastructure.search.lucene.LuceneSearchIndex;
import org.earchive.archive.infrastructure.search.solr.SolrSearchIndex;

/**
 * The application's one search index: the embedded Lucene index under {@code EARCHIVE_HOME/index} by default,
 * SolrCloud when {@code EARCHIVE_SOLR_URL} is set. Only the chosen one is opened.
 */
@ApplicationScoped
public class SearchIndexProducer {
    @Inject
    EarchiveSettings settings;

    @Inject
    Instance<LuceneSearchIndex> lucene;

    @Inject
    Instance<SolrSearchIndex> solr;

    @Produces
    @ApplicationScoped
    SearchIndex searchIndex() {
        return settings.solrUrl().isPresent() ? solr.get() : lucene.get();
    }
}
