package org.earchive.archive.infrastructure.search.lucene;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/** One writer and one searcher manager per application; both are thread-safe. */
@ApplicationScoped
@Typed(LuceneSearchIndex.class)
public class LuceneSearchIndex implements SearchIndex {
    @Inject
    EarchiveSettings settings;

    private Directory directory;

    private IndexWriter writer;

    private SearcherManager searchers;

    private SnapshotDeletionPolicy snapshots;

    /** The office's zone: a search "from" and "to" a day mean that day's midnights there. */
    ZoneId zone = ZoneId.systemDefault();

    @PostConstruct
    void open() {
        zone = settings.zone();
        try {
            open(settings.indexDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index: " + e.getMessage(), e);
        }
    }

    void open(Path folder) throws IOException {
        Files.createDirectories(folder);
        directory = FSDirectory.open(folder);
        snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        IndexWriterConfig config = new IndexWriterConfig(new SmartChineseAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setIndexDeletionPolicy(snapshots);
        writer = new IndexWriter(directory, config);
        writer.commit();
        searchers = new SearcherManager(writer, null);
    }

    @Override
    public void index(Entry e) throws IOException {
        add(e);
        // searchable when this returns (near real time), even while another thread refreshes: maybeRefresh() would
        // return at once then, and that refresh may have opened its reader before this entry; durable at commit()
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void indexAll(List<Entry> entries) throws IOException {
        for (Entry e : entries) {
            add(e);
        }
        searchers.maybeRefreshBlocking();
    }

    /**
     * Makes what was indexed durable. Called every few seconds and at shutdown rather than per entry: a commit syncs
     * files to disk, and the index is never the only copy of anything (reindex rebuilds it from the database).
     */
    @Override
    public void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
        searchers.maybeRefreshBlocking(); // and everything indexed before it is searchable now
    }

    /**
     * The embedded index is rebuilt in place: everything is deleted at the start and the new entries become visible
     * as they are added (an office's index takes seconds). An abandoned rebuild leaves what it added.
     */
    @Override
    public Rebuild rebuild() throws IOException {
        writer.deleteAll();
        return new Rebuild() {
            @Override
            public void add(List<Entry> entries) throws IOException {
                indexAll(entries);
            }

            @Override
            public void publish() throws IOException {
                commit();
            }

            @Override
            public void close() throws IOException {
                commit();
            }
        };
    }

    @Override
    public Set<String> present(Collection<String> ids) throws IOException {
        Set<String> found = new HashSet<>();
        IndexSearcher s = searchers.acquire();
        try {
            for (String id : ids) {
                if (s.count(new TermQuery(new Term("id", id))) > 0) {
                    found.add(id);
                }
            }
            return found;
        } finally {
            searchers.release(s);
        }
    }

    private void add(Entry e) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", e.id(), Field.Store.YES));
        doc.add(new StringField("caseNumber", nz(e.caseNumber()), Field.Store.YES));
        doc.add(new StringField("citizenId", nz(e.citizenId()), Field.Store.NO));
        doc.add(new TextField("applicantName", nz(e.applicantName()), Field.Store.YES));
        doc.add(new StringField("businessType", nz(e.businessType()), Field.Store.YES));
        doc.add(new StringField("material", nz(e.material()), Field.Store.YES));
        doc.add(new TextField("title", nz(e.title()), Field.Store.YES));
        doc.add(new TextField("text", nz(e.text()), Field.Store.YES));
        doc.add(new StringField("kind", nz(e.kind()), Field.Store.YES));
        doc.add(new StringField("archiveNumber", nz(e.archiveNumber()), Field.Store.YES));
        doc.add(new StringField("category", nz(e.category()), Field.Store.YES));
        doc.add(new StringField("hall", nz(e.hall()), Field.Store.NO));
        doc.add(new StringField("applicantExact", nz(e.applicantName()), Field.Store.NO));
        doc.add(new LongPoint("time", e.epochMillis()));
        doc.add(new StoredField("timeStored", e.epochMillis()));
        doc.add(new NumericDocValuesField("timeSort", e.epochMillis()));
        writer.updateDocument(new Term("id", e.id()), doc);
    }

    @Override
    public SearchResultView search(SearchRequest q, String hall) throws IOException {
        Query text = LuceneQueries.textQuery(q.text());
        Query query = LuceneQueries.query(q, hall, zone, text);
        int size = q.pageSize();
        int page = q.pageIndex();
        IndexSearcher s = searchers.acquire();
        try {
            Sort sort = text == null
                    ? new Sort(new SortField("timeSort", SortField.Type.LONG, true))
                    : new Sort(SortField.FIELD_SCORE, new SortField("timeSort", SortField.Type.LONG, true));
            TopFieldDocs top = s.search(query, (page + 1) * size, sort, text != null);
            long total = s.count(query);
            Highlighter highlighter = text == null
                    ? null
                    : new Highlighter(
                            new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(), new QueryScorer(text));
            List<SearchResultView.Hit> hits = new ArrayList<>();
            for (int i = page * size; i < top.scoreDocs.length; i++) {
                hits.add(hit(s.storedFields().document(top.scoreDocs[i].doc), highlighter));
            }
            return new SearchResultView(total, page, size, hits);
        } finally {
            searchers.release(s);
        }
    }

    private SearchResultView.Hit hit(Document d, Highlighter highlighter) throws IOException {
        return new SearchResultView.Hit(
                d.get("archiveNumber"),
                d.get("caseNumber"),
                d.get("applicantName"),
                d.get("businessType"),
                d.get("material"),
                d.get("title"),
                d.get("category"),
                Instant.ofEpochMilli(d.getField("timeStored").numericValue().longValue()),
                LuceneQueries.highlight(highlighter, d));
    }

    @Override
    public long count() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public void ping() throws IOException {
        if (!writer.isOpen()) {
            throw new IOException("The search index writer is closed");
        }
        count();
    }

    @Override
    public long snapshotTo(Path target) throws IOException {
        writer.commit();
        IndexCommit commit = snapshots.snapshot();
        try {
            Files.createDirectories(target);
            long copied = 0;
            for (String file : commit.getFileNames()) {
                Files.copy(
                        ((FSDirectory) directory).getDirectory().resolve(file),
                        target.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
            return copied;
        } finally {
            snapshots.release(commit);
            writer.deleteUnusedFiles();
        }
    }

    @PreDestroy
    void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
