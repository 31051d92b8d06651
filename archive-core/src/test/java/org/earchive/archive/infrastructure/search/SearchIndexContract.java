package org.earchive.archive.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.port.SearchIndex;
import org.junit.jupiter.api.Test;

/**
 * What every search index must do, whatever engine is behind the port: the embedded Lucene index and SolrCloud run
 * the same cases. Each test gets an empty index; {@link SearchIndex#commit()} makes what was indexed searchable.
 */
public abstract class SearchIndexContract {
    /** The office's zone the index is opened with. */
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final long DAY = 86_400_000L;
    /** 2026-03-01T00:00 in the office's zone. */
    private static final long MARCH_1 =
            LocalDate.of(2026, 3, 1).atStartOfDay(ZONE).toInstant().toEpochMilli();

    /** An empty index of the engine under test, in {@link #ZONE}. */
    protected abstract SearchIndex index() throws Exception;

    protected static SearchIndex.Entry record(int n, String text, String hall, String type, long time) {
        return new SearchIndex.Entry(
                "rec:A-" + n,
                "C2026030100000" + String.format("%03d", n),
                "11010519491231" + String.format("%04d", n),
                n % 2 == 0 ? "王芳" : "李建国",
                type,
                "ID_CARD",
                "材料" + n + ".pdf",
                text,
                "record",
                "F001-2026-ZJ-Y-" + String.format("%06d", n),
                n % 3 == 0 ? "KJ" : "ZJ",
                hall,
                time);
    }

    protected static SearchRequest words(String text) {
        return new SearchRequest(text, null, null, null, null, null, null, null, 0, 20);
    }

    private static List<String> numbers(SearchResultView v) {
        return v.hits().stream().map(SearchResultView.Hit::archiveNumber).toList();
    }

    private static String number(int n) {
        return "F001-2026-ZJ-Y-" + String.format("%06d", n);
    }

    @Test
    void everyWordMustOccurAndChineseIsSearchedByWords() throws Exception {
        SearchIndex index = index();
        index.indexAll(List.of(
                record(1, "关于加强北京市人民政府档案数字化工作的实施意见", "H1", "ENROLL", MARCH_1),
                record(2, "养老保险待遇申领表", "H1", "PENSION", MARCH_1 + 1000),
                record(3, "档案移交清单", "H1", "ENROLL", MARCH_1 + 2000)));
        index.commit();
        assertEquals(Set.of(number(3), number(1)), Set.copyOf(numbers(index.search(words("档案"), null))));
        assertEquals(List.of(number(1)), numbers(index.search(words("档案 数字化"), null)));
        assertEquals(List.of(number(2)), numbers(index.search(words("养老保险"), null)));
        assertEquals(0, index.search(words("工伤"), null).total());
        assertEquals(1, index.search(words("材料2.pdf"), null).total(), "the title is searched too");
        assertEquals(List.of(number(2)), numbers(index.search(words("王芳"), null)), "names are searched");
    }

    @Test
    void filtersNarrowAndTheHallRuleConfines() throws Exception {
        SearchIndex index = index();
        for (int n = 1; n <= 6; n++) {
            index.index(record(n, "参保登记", n <= 4 ? "H1" : "H2", n % 2 == 0 ? "PENSION" : "ENROLL", MARCH_1 + n));
        }
        index.commit();
        assertEquals(6, index.search(words("登记"), null).total());
        assertEquals(4, index.search(words("登记"), "H1").total());
        assertEquals(List.of(number(6), number(5)), numbers(index.search(words(null), "H2")));
        assertEquals(0, index.search(words(null), "H3").total(), "a hall with no records sees none");
        SearchRequest byType = new SearchRequest(null, null, null, "PENSION", null, null, null, null, 0, 20);
        assertEquals(List.of(number(6), number(4), number(2)), numbers(index.search(byType, null)));
        assertEquals(List.of(number(4), number(2)), numbers(index.search(byType, "H1")));
        SearchRequest byCitizen =
                new SearchRequest(null, "110105194912310003", null, null, null, null, null, null, 0, 20);
        assertEquals(List.of(number(3)), numbers(index.search(byCitizen, null)));
        SearchRequest byName = new SearchRequest(null, null, "王芳", null, null, null, null, null, 0, 20);
        assertEquals(3, index.search(byName, null).total());
        SearchRequest byNumber = new SearchRequest(null, null, null, null, number(5), null, null, null, 0, 20);
        assertEquals(List.of(number(5)), numbers(index.search(byNumber, null)));
        SearchRequest byCategory = new SearchRequest("登记", null, null, null, null, "KJ", null, null, 0, 20);
        assertEquals(Set.of(number(3), number(6)), Set.copyOf(numbers(index.search(byCategory, null))));
        SearchRequest quoted = new SearchRequest(null, "1101\" OR *:*", null, null, null, null, null, null, 0, 20);
        assertEquals(0, index.search(quoted, null).total(), "a filter value is a value, never a query");
    }

    @Test
    void daysAreTheOfficesDaysAndNewestComesFirst() throws Exception {
        SearchIndex index = index();
        index.index(record(1, "缴费证明", "H1", "ENROLL", MARCH_1 - 1)); // 28 February, 23:59:59.999
        index.index(record(2, "缴费证明", "H1", "ENROLL", MARCH_1)); // 1 March, midnight
        index.index(record(3, "缴费证明", "H1", "ENROLL", MARCH_1 + DAY - 1)); // 1 March, last millisecond
        index.index(record(4, "缴费证明", "H1", "ENROLL", MARCH_1 + DAY)); // 2 March
        index.commit();
        LocalDate march1 = LocalDate.of(2026, 3, 1);
        SearchRequest oneDay = new SearchRequest("缴费", null, null, null, null, null, march1, march1, 0, 20);
        assertEquals(List.of(number(3), number(2)), numbers(index.search(oneDay, null)));
        SearchRequest from = new SearchRequest(null, null, null, null, null, null, march1.plusDays(1), null, 0, 20);
        assertEquals(List.of(number(4)), numbers(index.search(from, null)));
        SearchRequest to = new SearchRequest(null, null, null, null, null, null, null, march1.minusDays(1), 0, 20);
        assertEquals(List.of(number(1)), numbers(index.search(to, null)));
        SearchResultView all = index.search(words("缴费"), null);
        assertEquals(
                List.of(number(4), number(3), number(2), number(1)), numbers(all), "equal relevance: newest first");
        assertEquals(MARCH_1 + DAY, all.hits().get(0).archivedAt().toEpochMilli());
    }

    @Test
    void pagesAreSlicesOfOneOrder() throws Exception {
        SearchIndex index = index();
        for (int n = 1; n <= 7; n++) {
            index.index(record(n, "缴费证明", "H1", "ENROLL", MARCH_1 + n * 1000L));
        }
        index.commit();
        SearchResultView second =
                index.search(new SearchRequest("证明", null, null, null, null, null, null, null, 1, 3), null);
        assertEquals(7, second.total());
        assertEquals(1, second.page());
        assertEquals(3, second.size());
        assertEquals(List.of(number(4), number(3), number(2)), numbers(second));
        SearchResultView last =
                index.search(new SearchRequest(null, null, null, null, null, null, null, null, 2, 3), null);
        assertEquals(List.of(number(1)), numbers(last));
        SearchResultView big =
                index.search(new SearchRequest(null, null, null, null, null, null, null, null, 0, 5000), null);
        assertEquals(100, big.size(), "a page holds at most 100");
    }

    @Test
    void hitsAreMarkedInEscapedText() throws Exception {
        SearchIndex index = index();
        index.index(record(1, "<script>alert(1)</script> 档案数字化工作", "H1", "ENROLL", MARCH_1));
        index.index(record(2, "没有匹配的正文", "H1", "ENROLL", MARCH_1));
        index.commit();
        SearchResultView.Hit hit = index.search(words("档案"), null).hits().get(0);
        assertTrue(hit.highlight().contains("<em>档案</em>"), hit.highlight());
        assertTrue(hit.highlight().contains("&lt;script&gt;"), "text is escaped: " + hit.highlight());
        assertTrue(!hit.highlight().contains("<script>"), hit.highlight());
        assertNull(index.search(words(null), null).hits().get(0).highlight(), "no words, nothing marked");
        SearchResultView.Hit byName = index.search(words("李建国"), null).hits().get(0);
        assertTrue(byName.highlight().contains("<em>"), "a hit in the name is marked: " + byName.highlight());
        assertEquals("C2026030100000001", byName.caseNumber());
        assertEquals("材料1.pdf", byName.title());
        assertEquals("ID_CARD", byName.material());
        assertEquals("ENROLL", byName.businessType());
        assertEquals("ZJ", byName.category());
    }

    @Test
    void anEntryIsReplacedNotAddedAndOnlyRecordsAreFound() throws Exception {
        SearchIndex index = index();
        index.index(record(1, "旧的正文", "H1", "ENROLL", MARCH_1));
        index.index(record(1, "新的正文", "H1", "ENROLL", MARCH_1));
        SearchIndex.Entry r = record(2, "新的正文", "H1", "ENROLL", MARCH_1);
        index.index(new SearchIndex.Entry(
                "doc:2",
                r.caseNumber(),
                r.citizenId(),
                r.applicantName(),
                r.businessType(),
                r.material(),
                r.title(),
                r.text(),
                "document",
                null,
                null,
                r.hall(),
                r.epochMillis()));
        index.commit();
        assertEquals(2, index.count());
        assertEquals(0, index.search(words("旧的"), null).total());
        assertEquals(List.of(number(1)), numbers(index.search(words("新的"), null)), "a document is not a record");
        assertEquals(Set.of("rec:A-1", "doc:2"), index.present(List.of("rec:A-1", "doc:2", "rec:A-9")));
        assertEquals(Set.of(), index.present(List.of()));
        // a reconcile asks in pages of 500 ids (the first form on Solr, a GET, outgrew its 8 KB header limit)
        List<String> page = new java.util.ArrayList<>(List.of("rec:A-1"));
        for (int i = 0; page.size() < 500; i++) {
            page.add("rec:F001-2026-WS-Y30-" + String.format("%06d", i));
        }
        assertEquals(Set.of("rec:A-1"), index.present(page));
    }

    @Test
    void wordsAreNeverAQueryLanguage() throws Exception {
        SearchIndex index = index();
        index.index(record(1, "档案 AND 移交 (正本)", "H1", "ENROLL", MARCH_1));
        index.commit();
        for (String w : List.of("档案 AND (", "\"档案", "档案 || *", "OR", "{!lucene}档案", "id:rec\\:A-1 档案")) {
            assertDoesNotThrow(() -> index.search(words(w), null), w);
        }
        assertEquals(1, index.search(words("档案 AND 移交"), null).total());
    }

    @Test
    void aRebuildReplacesEverythingAtOnce() throws Exception {
        SearchIndex index = index();
        index.index(record(1, "旧档案", "H1", "ENROLL", MARCH_1));
        index.index(record(2, "旧档案", "H1", "ENROLL", MARCH_1));
        index.commit();
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(record(2, "新档案", "H1", "ENROLL", MARCH_1)));
            rebuild.add(List.of(record(3, "新档案", "H1", "ENROLL", MARCH_1)));
            rebuild.publish();
        }
        index.commit();
        assertEquals(2, index.count());
        assertEquals(Set.of(number(2), number(3)), Set.copyOf(numbers(index.search(words("档案"), null))));
        index.index(record(4, "新档案", "H1", "ENROLL", MARCH_1));
        index.commit();
        assertEquals(3, index.search(words("档案"), null).total(), "indexing goes on into the new generation");
    }
}
