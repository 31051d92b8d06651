package org.earchive.archive.infrastructure.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.port.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {
    @TempDir
    Path home;

    @Test
    void segmentsChineseAndSurvivesASnapshotCopy() throws Exception {
        LuceneSearchIndex index = new LuceneSearchIndex();
        index.open(home.resolve("index"));
        index.index(new SearchIndex.Entry(
                "doc:1",
                "C202611300000001",
                "11010519491231002X",
                "王芳",
                "ENROLL",
                "ID_CARD",
                "身份证.pdf",
                "关于加强北京市人民政府档案数字化工作的实施意见",
                "record",
                "F001-2026-ZJ-Y-000001",
                "ZJ",
                "HALL-01",
                1L));
        index.index(new SearchIndex.Entry(
                "doc:1",
                "C202611300000001",
                "11010519491231002X",
                "王芳",
                "ENROLL",
                "ID_CARD",
                "身份证.pdf",
                "档案",
                "record",
                "F001-2026-ZJ-Y-000001",
                "ZJ",
                "HALL-01",
                2L));
        SearchResultView found = index.search(
                new SearchRequest("档案", "11010519491231002X", null, "ENROLL", null, null, null, null, 0, 10), null);
        assertEquals(1, found.total());
        assertEquals("F001-2026-ZJ-Y-000001", found.hits().get(0).archiveNumber());
        assertTrue(
                found.hits().get(0).highlight().contains("<em>档案</em>"),
                found.hits().get(0).highlight());
        assertEquals(
                0,
                index.search(new SearchRequest("档案", null, null, "PENSION", null, null, null, null, 0, 10), null)
                        .total());
        assertEquals(
                0,
                index.search(new SearchRequest("养老", null, null, null, null, null, null, null, 0, 10), null)
                        .total());
        assertEquals(
                0,
                index.search(new SearchRequest(null, null, null, null, null, null, null, null, 0, 10), "HALL-02")
                        .total());
        assertEquals(1, index.count(), "re-indexing the same id replaces the entry");

        Path copy = home.resolve("backup-index");
        assertTrue(index.snapshotTo(copy) > 0);
        index.close();
        try (FSDirectory dir = FSDirectory.open(copy);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertEquals(1, searcher.count(new TermQuery(new Term("text", "档案"))));
            assertEquals(1, searcher.count(new TermQuery(new Term("citizenId", "11010519491231002X"))));
        }
        assertTrue(Files.exists(copy));
    }

    /**
     * What one request indexes is found by its next search, while other requests index and the schedule commits (the
     * risk check looks a certificate number up right after another counter archived it).
     */
    @Test
    void anEntryIsFoundAsSoonAsItsIndexingReturnsWhileOthersIndexAndCommit() throws Exception {
        LuceneSearchIndex index = new LuceneSearchIndex();
        index.open(home.resolve("index"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread committer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    index.commit();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        committer.start();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> misses = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                misses.add(pool.submit(() -> {
                    List<String> missed = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        String number = "L4403" + thread + String.format("%06d", i);
                        index.index(new SearchIndex.Entry(
                                "doc:" + thread + "-" + i,
                                "C2026120700000" + thread,
                                "11010519491231002X",
                                "王芳",
                                "LUMP_SUM",
                                "DEATH_CERTIFICATE",
                                "证明.pdf",
                                "居民死亡医学证明书 编号 " + number,
                                "record",
                                "F001-2026-ZJ-Y-" + thread + i,
                                "ZJ",
                                "HALL-01",
                                1L));
                        if (index.search(
                                                new SearchRequest(
                                                        number, null, null, null, null, null, null, null, 0, 1),
                                                null)
                                        .total()
                                == 0) {
                            missed.add(number);
                        }
                    }
                    return missed;
                }));
            }
            for (Future<List<String>> f : misses) {
                assertEquals(List.of(), f.get(), "entries not found right after they were indexed");
            }
        } finally {
            stop.set(true);
            committer.join();
            pool.shutdownNow();
            index.close();
        }
    }
}
