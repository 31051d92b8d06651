package org.earchive.archive.infrastructure.search.solr;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/**
 * The search index on SolrCloud: every node of the archive writes to and searches the same collection (through its
 * alias), the client finds the shards' replicas from any Solr node it is given and goes around a dead one. Entries are
 * visible within a second ({@code commitWithin}); Solr's update log makes them durable at once.
 */
@ApplicationScoped
@Typed(SolrSearchIndex.class)
public class SolrSearchIndex implements SearchIndex {
    private static final Logger LOG = Logger.getLogger(SolrSearchIndex.class.getName());
    static final int COMMIT_WITHIN_MS = 1000;

    @Inject
    EarchiveSettings settings;

    private CloudSolrClient client;
    private SolrCollections collections;
    private String alias;
    private ZoneId zone = ZoneId.systemDefault();

    @PostConstruct
    void open() {
        int[] layout = settings.solrLayout();
        try {
            open(
                    Arrays.asList(settings.solrUrl().orElseThrow().split("\\s*,\\s*")),
                    settings.solrCollection(),
                    layout[0],
                    layout[1],
                    settings.zone());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    void open(List<String> urls, String alias, int shards, int replicas, ZoneId zone) throws IOException {
        this.alias = alias;
        this.zone = zone;
        this.client = new CloudHttp2SolrClient.Builder(urls)
                .withInternalClientBuilder(new Http2SolrClient.Builder()
                        .withConnectionTimeout(5, TimeUnit.SECONDS)
                        .withIdleTimeout(30, TimeUnit.SECONDS))
                .build();
        this.collections = new SolrCollections(client, alias, shards, replicas);
        String current = collections.ensure();
        LOG.info(() -> "Search index: SolrCloud " + urls + ", alias " + alias + " -> " + current);
    }

    @Override
    public void index(Entry entry) throws IOException {
        indexAll(List.of(entry));
    }

    @Override
    public void indexAll(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        UpdateRequest update = SolrQueries.update(entries);
        update.setCommitWithin(COMMIT_WITHIN_MS);
        process(update, alias);
    }

    @Override
    public Rebuild rebuild() throws IOException {
        String next = collections.next();
        LOG.info(() -> "Search: rebuilding into " + next + "; searches answer from " + alias + " meanwhile");
        return new Rebuild() {
            private boolean published;

            @Override
            public void add(List<Entry> entries) throws IOException {
                process(SolrQueries.update(entries), next);
            }

            @Override
            public void publish() throws IOException {
                try {
                    client.commit(next, true, true);
                } catch (SolrServerException e) {
                    throw new IOException("The rebuilt search collection cannot be committed: " + e.getMessage(), e);
                }
                collections.point(next);
                published = true;
            }

            @Override
            public void close() {
                if (!published) {
                    collections.delete(next);
                }
            }
        };
    }

    /** Makes everything sent before it searchable now (a soft commit; the update log already made it durable). */
    @Override
    public void commit() throws IOException {
        try {
            client.commit(alias, true, true, true);
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("SolrCloud did not commit: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> present(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(SolrQueries.ids(ids));
        q.setFields("id");
        q.setRows(ids.size());
        Set<String> found = new HashSet<>();
        for (SolrDocument d : query(q).getResults()) {
            found.add((String) d.getFirstValue("id"));
        }
        return found;
    }

    @Override
    public SearchResultView search(SearchRequest request, String hall) throws IOException {
        QueryResponse r = query(SolrQueries.query(request, hall, zone));
        return new SearchResultView(
                r.getResults().getNumFound(), request.pageIndex(), request.pageSize(), SolrQueries.hits(r));
    }

    @Override
    public long count() throws IOException {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        return query(q).getResults().getNumFound();
    }

    @Override
    public void ping() throws IOException {
        count();
    }

    @Override
    public long snapshotTo(Path target) {
        throw new UnsupportedOperationException(
                "The search index lives in SolrCloud: back it up with Solr's BACKUP (or rebuild it from the database)");
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        try {
            // POST: a reconcile's page of ids or a long phrase would outgrow a GET's 8 KB header limit
            return client.query(alias, q, SolrRequest.METHOD.POST);
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("SolrCloud did not answer the search: " + e.getMessage(), e);
        }
    }

    private void process(UpdateRequest update, String collection) throws IOException {
        try {
            update.process(client, collection);
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("SolrCloud did not take the update: " + e.getMessage(), e);
        }
    }

    /** The alias searches go to. */
    String alias() {
        return alias;
    }

    /** Deletes the alias and every generation behind it (tests). */
    void dropAll() throws IOException {
        collections.dropAll();
    }

    @PreDestroy
    void close() {
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException e) {
            LOG.fine(() -> "Closing the Solr client: " + e);
        }
    }
}
