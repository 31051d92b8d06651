package org.earchive.archive.infrastructure.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.search.SearchIndexContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search contract on SolrCloud: two Solr nodes (each its own JVM) and ZooKeeper, started by {@code
 * scripts/solr/solr.sh} ({@code ./earchive test} does); {@code EARCHIVE_TEST_SOLR} names the nodes. Each test gets a
 * collection of two shards behind an alias of its own, deleted afterwards.
 */
class SolrSearchIndexContractTest extends SearchIndexContract {
    private static final String NODES = System.getenv("EARCHIVE_TEST_SOLR");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SolrSearchIndex index;

    @BeforeAll
    static void solrRuns() {
        boolean required = "true".equals(System.getenv("EARCHIVE_TEST_SOLR_REQUIRED"));
        if (required) {
            assertTrue(NODES != null && !NODES.isBlank(), "EARCHIVE_TEST_SOLR is required but not set");
        }
        assumeTrue(NODES != null && !NODES.isBlank(), "no SolrCloud (EARCHIVE_TEST_SOLR) to test against");
    }

    @Override
    protected SearchIndex index() throws Exception {
        index = open("t" + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet());
        return index;
    }

    private static SolrSearchIndex open(String alias) throws Exception {
        SolrSearchIndex i = new SolrSearchIndex();
        i.open(Arrays.asList(NODES.split(",")), alias, 2, 1, ZONE);
        return i;
    }

    @AfterEach
    void dropCollections() throws Exception {
        if (index != null) {
            index.dropAll();
            index.close();
        }
    }

    @Test
    void searchesAnswerFromTheOldGenerationUntilTheRebuildIsPublished() throws Exception {
        SearchIndex i = index();
        i.index(record(1, "旧档案", "H1", "ENROLL", 1L));
        i.commit();
        try (SearchIndex.Rebuild rebuild = i.rebuild()) {
            rebuild.add(List.of(record(2, "新档案", "H1", "ENROLL", 2L)));
            assertEquals(1, i.count(), "the old generation still answers");
            assertEquals(1, i.search(words("旧档案"), null).total());
        }
        assertEquals(1, i.count(), "an abandoned rebuild changes nothing");
        assertEquals(1, i.search(words("旧档案"), null).total());
    }

    @Test
    void theNodesShareOneIndex() throws Exception {
        SearchIndex i = index();
        String alias = index.alias();
        List<String> nodes = Arrays.asList(NODES.split(","));
        assumeTrue(nodes.size() >= 2, "one Solr node only");
        SolrSearchIndex first = new SolrSearchIndex();
        first.open(List.of(nodes.get(0)), alias, 2, 1, ZONE);
        SolrSearchIndex second = new SolrSearchIndex();
        second.open(List.of(nodes.get(1)), alias, 2, 1, ZONE);
        try {
            first.index(record(1, "经一号节点写入", "H1", "ENROLL", 1L));
            first.commit();
            assertEquals(
                    1, second.search(words("节点"), null).total(), "written through one node, found through the other");
            assertFalse(i.present(List.of("rec:A-1")).isEmpty());
        } finally {
            first.close();
            second.close();
        }
    }
}
