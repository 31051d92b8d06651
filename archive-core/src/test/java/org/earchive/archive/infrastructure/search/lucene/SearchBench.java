package org.earchive.archive.infrastructure.search.lucene;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.search.solr.SolrIndexes;

/**
 * {@code ./earchive bench search [items] [queries]}: generates archived items (default 1,000,000) with OCR-like Chinese
 * text, indexes them with the product's Lucene index (smartcn), then times full-text + filter queries as the archive
 * room sends them (first page of 20 with highlights). The peer, in the same run when {@code EARCHIVE_BENCH_PG_URL} is
 * set: PostgreSQL with a pg_trgm GIN index over the same rows and the same queries (an {@code ILIKE} on the text plus
 * the filter), the usual alternative to a search engine.
 */
public final class SearchBench {
    static final String[] WORDS = {
        "养老保险", "基本养老金", "参保登记", "缴费基数", "缴费年限", "视同缴费", "补缴", "一次性待遇", "丧葬补助金", "抚恤金",
        "死亡证明", "户口簿", "身份证", "银行卡", "劳动合同", "营业执照", "转移接续", "参保缴费凭证", "联系函", "申请表",
        "个人账户", "统筹基金", "退休审批", "档案", "人事档案", "工资", "单位", "职工", "城乡居民", "医疗保险",
        "工伤", "失业", "待遇核定", "审核", "同意", "材料齐全", "复印件", "原件", "签字", "盖章",
        "社会保障卡", "街道", "社区", "继承人", "公证书", "仲裁裁决", "补发", "退休金", "过渡性养老金", "计发月数"
    };
    static final String[] TYPES = {"ENROLL", "PENSION", "PENSION_BACKPAY", "LUMP_SUM", "BACKPAY", "TRANSFER"};
    static final String[] CATEGORIES = {"DJ", "DY", "JJ", "ZY"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    static final String[] GIVEN = {"芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};
    static final long START = 1_420_070_400_000L; // 2015-01-01
    static final long SPAN = 10L * 365 * 86_400_000L;

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("earchive-search-bench");
        System.out.printf(
                "search bench: %,d archived items, %,d queries (full text + one filter, page of 20, highlights)%n",
                items, queries);
        Random random = new Random(7);
        List<SearchRequest> qs = new ArrayList<>();
        for (int i = 0; i < queries + 200; i++) {
            qs.add(query(random));
        }
        LuceneSearchIndex index = new LuceneSearchIndex();
        index.open(dir.resolve("index"));
        long hits = measure("lucene (product, embedded)", index, items, qs);
        System.out.printf("lucene: %d MB on disk%n", size(dir) / (1024 * 1024));
        index.close();

        String solr = System.getenv("EARCHIVE_BENCH_SOLR");
        if (solr != null && !solr.isBlank()) {
            SearchIndex cloud = SolrIndexes.open(Arrays.asList(solr.split(",")), "bench", 2, 1);
            try {
                hits += measure("solrcloud (product, 2 nodes, 2 shards)", cloud, items, qs);
            } finally {
                SolrIndexes.drop(cloud);
            }
        } else {
            System.out.println("solrcloud: skipped (EARCHIVE_BENCH_SOLR not set)");
        }

        String pg = System.getenv("EARCHIVE_BENCH_PG_URL");
        if (pg != null && !pg.isBlank()) {
            // the peer scans where trigrams do not help (two-character words): a sample of the same queries, same mix
            int peerQueries = Math.min(
                    queries, Integer.parseInt(System.getenv().getOrDefault("EARCHIVE_BENCH_PEER_QUERIES", "100")));
            peer(pg, items, qs.subList(200 - 20, 200 + peerQueries));
        } else {
            System.out.println("peer: PostgreSQL pg_trgm skipped (EARCHIVE_BENCH_PG_URL not set)");
        }
        System.out.println("(checksum " + hits + ")");
    }

    /** Indexes the items with {@code index} (all cores, batches of 5,000), then times the queries one by one. */
    static long measure(String name, SearchIndex index, int items, List<SearchRequest> qs) throws Exception {
        long t0 = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        int batch = 5_000;
        for (int from = 0; from < items; from += batch) {
            int start = from;
            int end = Math.min(items, from + batch);
            work.add(pool.submit(() -> {
                List<SearchIndex.Entry> entries = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    entries.add(entry(i));
                }
                index.indexAll(entries);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        index.commit();
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%s: indexed %,d items in %.0f s (%,.0f items/s, %d threads)%n",
                name, index.count(), indexSeconds, items / indexSeconds, threads);
        long hits = 0;
        for (SearchRequest q : qs.subList(0, 200)) {
            hits += index.search(q, null).total(); // warm-up
        }
        int queries = qs.size() - 200;
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            hits += index.search(qs.get(200 + i), null).hits().size();
            nanos[i] = System.nanoTime() - s;
        }
        report(name, nanos);
        return hits;
    }

    static SearchIndex.Entry entry(int i) {
        Random r = new Random(i * 31L + 1);
        StringBuilder text = new StringBuilder();
        int words = 40 + r.nextInt(80);
        for (int w = 0; w < words; w++) {
            text.append(WORDS[r.nextInt(WORDS.length)]);
            if (r.nextInt(5) == 0) {
                text.append("，");
            }
        }
        String type = TYPES[r.nextInt(TYPES.length)];
        String name =
                SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String citizen = String.format("110105%08d%04d", 19500101 + r.nextInt(500000), i % 10000);
        String number = String.format("F001-%d-%s-D30-%06d", 2015 + i % 10, CATEGORIES[i % CATEGORIES.length], i);
        return new SearchIndex.Entry(
                "rec:" + number,
                String.format("C%015d", i),
                citizen,
                name,
                type,
                "CLAIM_FORM",
                type + " 申请材料 " + i,
                text.toString(),
                "record",
                number,
                CATEGORIES[i % CATEGORIES.length],
                "H" + (i % 12),
                START + (long) (r.nextDouble() * SPAN));
    }

    /** The day (in this machine's zone, as the index reads it) of an instant. */
    static LocalDate day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()).toLocalDate();
    }

    static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    static SearchRequest query(Random r) {
        String word = WORDS[r.nextInt(WORDS.length)];
        return switch (r.nextInt(3)) {
            case 0 ->
                new SearchRequest(word, null, null, TYPES[r.nextInt(TYPES.length)], null, null, null, null, 0, 20);
            case 1 ->
                new SearchRequest(
                        word, null, null, null, null, CATEGORIES[r.nextInt(CATEGORIES.length)], null, null, 0, 20);
            default -> {
                LocalDate from = day(START + (long) (r.nextDouble() * (SPAN - 90L * 86_400_000L)));
                yield new SearchRequest(word, null, null, null, null, null, from, from.plusDays(89), 0, 20);
            }
        };
    }

    static void peer(String url, int items, List<SearchRequest> qs) throws Exception {
        try (Connection c = DriverManager.getConnection(
                url,
                System.getenv().getOrDefault("EARCHIVE_BENCH_PG_USER", "earchive_bench"),
                System.getenv().getOrDefault("EARCHIVE_BENCH_PG_PASSWORD", "earchive_bench"))) {
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                s.execute("DROP TABLE IF EXISTS bench_item");
                s.execute(
                        "CREATE TABLE bench_item (id BIGINT PRIMARY KEY, archive_number TEXT, business_type TEXT, category TEXT,"
                                + " archived_at BIGINT, title TEXT, body TEXT)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_item VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < items; i++) {
                    SearchIndex.Entry e = entry(i);
                    p.setLong(1, i);
                    p.setString(2, e.archiveNumber());
                    p.setString(3, e.businessType());
                    p.setString(4, e.category());
                    p.setLong(5, e.epochMillis());
                    p.setString(6, e.title());
                    p.setString(7, e.text());
                    p.addBatch();
                    if (i % 5_000 == 4_999) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX bench_item_trgm ON bench_item USING gin (body gin_trgm_ops)");
                s.execute("CREATE INDEX bench_item_type ON bench_item (business_type, archived_at)");
                s.execute("CREATE INDEX bench_item_cat ON bench_item (category, archived_at)");
                s.execute("CREATE INDEX bench_item_time ON bench_item (archived_at)");
                s.execute("ANALYZE bench_item");
            }
            System.out.printf(
                    "peer postgresql: loaded and indexed %,d rows in %.0f s%n", items, (System.nanoTime() - t0) / 1e9);
            long[] times = new long[qs.size() - 20];
            for (int i = 0; i < qs.size(); i++) { // the first 20 warm the cache up
                SearchRequest q = qs.get(i);
                String filter = q.businessType() != null
                        ? "business_type = ?"
                        : q.category() != null ? "category = ?" : "archived_at BETWEEN ? AND ?";
                try (PreparedStatement p =
                        c.prepareStatement("SELECT archive_number, title, count(*) OVER () FROM bench_item"
                                + " WHERE body ILIKE ? AND " + filter + " ORDER BY archived_at DESC LIMIT 20")) {
                    p.setString(1, "%" + q.text() + "%");
                    if (q.businessType() != null) {
                        p.setString(2, q.businessType());
                    } else if (q.category() != null) {
                        p.setString(2, q.category());
                    } else {
                        p.setLong(2, startOf(q.from()));
                        p.setLong(3, startOf(q.to().plusDays(1)) - 1);
                    }
                    long s = System.nanoTime();
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                    if (i >= 20) {
                        times[i - 20] = System.nanoTime() - s;
                    }
                }
            }
            report("peer postgresql pg_trgm", times);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_item");
            }
        }
    }

    static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %d queries%n",
                name,
                pct(sorted, 0.50),
                pct(sorted, 0.95),
                pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static long size(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }
}
