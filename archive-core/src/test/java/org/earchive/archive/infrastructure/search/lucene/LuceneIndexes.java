package org.earchive.archive.infrastructure.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.earchive.archive.application.port.SearchIndex;

/** Opens and closes an embedded index outside the server, for tests in other packages. */
public final class LuceneIndexes {
    private LuceneIndexes() {}

    public static SearchIndex open(Path folder, ZoneId zone) throws IOException {
        LuceneSearchIndex index = new LuceneSearchIndex();
        index.zone = zone;
        index.open(folder);
        return index;
    }

    public static void close(SearchIndex index) {
        ((LuceneSearchIndex) index).close();
    }
}
