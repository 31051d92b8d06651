package org.earchive.archive.infrastructure.search;

import java.nio.file.Path;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.search.lucene.LuceneIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The search contract on the embedded Lucene index. */
class LuceneSearchIndexContractTest extends SearchIndexContract {
    @TempDir
    Path home;

    private AutoCloseable opened;

    @Override
    protected SearchIndex index() throws Exception {
        SearchIndex index = LuceneIndexes.open(home.resolve("index"), ZONE);
        opened = (AutoCloseable) () -> LuceneIndexes.close(index);
        return index;
    }

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }
}
