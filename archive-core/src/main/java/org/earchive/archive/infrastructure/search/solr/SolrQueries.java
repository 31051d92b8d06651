package org.earchive.archive.infrastructure.search.solr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.infrastructure.search.SearchWords;

/**
 * A search as Solr parameters and Solr's answer as hits — the same meaning as the embedded index: all the clerk's
 * words must occur (in title, text or name), exact filters, the hall rule, newest first within equal relevance, the
 * best fragment of text, title or name with the hits marked in escaped HTML.
 */
final class SolrQueries {
    private static final String[] HIGHLIGHTED = {"text", "title", "applicantName"};

    private SolrQueries() {}

    /** The entries as one update request. */
    static UpdateRequest update(List<SearchIndex.Entry> entries) {
        UpdateRequest update = new UpdateRequest();
        entries.forEach(e -> update.add(document(e)));
        return update;
    }

    static SolrInputDocument document(SearchIndex.Entry e) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", e.id());
        d.setField("caseNumber", nz(e.caseNumber()));
        d.setField("citizenId", nz(e.citizenId()));
        d.setField("applicantName", nz(e.applicantName()));
        d.setField("applicantExact", nz(e.applicantName()));
        d.setField("businessType", nz(e.businessType()));
        d.setField("material", nz(e.material()));
        d.setField("title", nz(e.title()));
        d.setField("text", nz(e.text()));
        d.setField("kind", nz(e.kind()));
        d.setField("archiveNumber", nz(e.archiveNumber()));
        d.setField("category", nz(e.category()));
        d.setField("hall", nz(e.hall()));
        d.setField("time", e.epochMillis());
        return d;
    }

    static SolrQuery query(SearchRequest q, String hall, ZoneId zone) {
        String words = words(q.text());
        SolrQuery s = new SolrQuery(words == null ? "*:*" : words);
        if (words != null) {
            s.set("defType", "edismax");
            s.set("qf", "title text applicantName");
            s.set("q.op", "AND");
            s.set("hl", true);
            s.set("hl.method", "unified");
            s.set("hl.fl", String.join(",", HIGHLIGHTED));
            s.set("hl.encoder", "html");
            s.set("hl.simple.pre", "<em>");
            s.set("hl.simple.post", "</em>");
            s.set("hl.fragsize", 100);
            s.set("sort", "score desc,time desc");
        } else {
            s.set("sort", "time desc");
        }
        s.addFilterQuery("{!term f=kind}record");
        filter(s, "citizenId", q.citizenId());
        filter(s, "applicantExact", q.applicantName());
        filter(s, "businessType", q.businessType());
        filter(s, "archiveNumber", q.archiveNumber());
        filter(s, "category", q.category());
        filter(s, "hall", hall);
        if (q.from() != null || q.to() != null) {
            String from = q.from() == null ? "*" : Long.toString(startOf(q.from(), zone));
            String to = q.to() == null ? "*" : Long.toString(startOf(q.to().plusDays(1), zone) - 1);
            s.addFilterQuery("time:[" + from + " TO " + to + "]");
        }
        s.setStart(q.pageIndex() * q.pageSize());
        s.setRows(q.pageSize());
        s.setFields(
                "id",
                "archiveNumber",
                "caseNumber",
                "applicantName",
                "businessType",
                "material",
                "title",
                "category",
                "time");
        return s;
    }

    static List<SearchResultView.Hit> hits(QueryResponse r) {
        Map<String, Map<String, List<String>>> highlights = r.getHighlighting();
        return r.getResults().stream()
                .map(d -> hit(d, highlights == null ? null : highlights.get((String) d.getFirstValue("id"))))
                .toList();
    }

    private static SearchResultView.Hit hit(SolrDocument d, Map<String, List<String>> highlight) {
        return new SearchResultView.Hit(
                (String) d.getFirstValue("archiveNumber"),
                (String) d.getFirstValue("caseNumber"),
                (String) d.getFirstValue("applicantName"),
                (String) d.getFirstValue("businessType"),
                (String) d.getFirstValue("material"),
                (String) d.getFirstValue("title"),
                (String) d.getFirstValue("category"),
                Instant.ofEpochMilli(((Number) d.getFirstValue("time")).longValue()),
                best(highlight));
    }

    private static String best(Map<String, List<String>> highlight) {
        if (highlight == null) {
            return null;
        }
        for (String field : HIGHLIGHTED) {
            List<String> fragments = highlight.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.get(0);
            }
        }
        return null;
    }

    /** The clerk's words with operators and special characters taken as words; null when there are none. */
    static String words(String text) {
        String plain = SearchWords.plain(text);
        return plain == null
                ? null
                : Arrays.stream(plain.split("\\s+"))
                        .map(ClientUtils::escapeQueryChars)
                        .collect(Collectors.joining(" "));
    }

    /** A filter on an exact value, with nothing in the value read as query syntax. */
    static void filter(SolrQuery s, String field, String value) {
        if (value != null && !value.isBlank()) {
            s.addFilterQuery("{!term f=" + field + "}" + value.strip());
        }
    }

    static String ids(Collection<String> ids) {
        return "{!terms f=id}" + String.join(",", ids);
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
