package org.earchive.archive.infrastructure.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.infrastructure.search.SearchWords;

/** The query parts of a search: the clerk's words as a query, exact-field filters, highlighted fragments. */
final class LuceneQueries {
    private LuceneQueries() {}

    private static final String[] FIELDS = {"title", "text", "applicantName"};

    /**
     * The clerk's words as a query: each word the analyzer finds (smartcn splits Chinese into words) must occur in
     * title, text or name — the same as Solr's edismax with {@code q.op=AND}. Nothing in the words is query syntax;
     * null when no word is left.
     */
    static Query textQuery(String words) {
        String plain = SearchWords.plain(words);
        if (plain == null) {
            return null;
        }
        List<String> terms = terms(plain);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            List<Query> anyField = new ArrayList<>();
            for (String field : FIELDS) {
                anyField.add(new TermQuery(new Term(field, term)));
            }
            all.add(new DisjunctionMaxQuery(anyField, 0f), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (Analyzer analyzer = new SmartChineseAnalyzer();
                TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The best fragment of title, text or name with the hits marked; escaped HTML, so safe to show. */
    static String highlight(Highlighter h, Document d) throws IOException {
        if (h == null) {
            return null;
        }
        for (String field : new String[] {"text", "title", "applicantName"}) {
            String value = d.get(field);
            if (value == null || value.isEmpty()) {
                continue;
            }
            try {
                String fragment = h.getBestFragment(new SmartChineseAnalyzer(), field, value);
                if (fragment != null) {
                    return fragment;
                }
            } catch (InvalidTokenOffsetsException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The filters of a search: records only, the exact fields, the hall rule, the days of the office's zone; {@code
     * text}, when not null, must match too.
     */
    static Query query(SearchRequest q, String hall, ZoneId zone, Query text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term("kind", "record")), BooleanClause.Occur.FILTER);
        filter(b, "citizenId", q.citizenId());
        filter(b, "applicantExact", q.applicantName());
        filter(b, "businessType", q.businessType());
        filter(b, "archiveNumber", q.archiveNumber());
        filter(b, "category", q.category());
        filter(b, "hall", hall);
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : startOf(q.from(), zone);
            long to = q.to() == null ? Long.MAX_VALUE : startOf(q.to().plusDays(1), zone) - 1;
            b.add(LongPoint.newRangeQuery("time", from, to), BooleanClause.Occur.FILTER);
        }
        if (text != null) {
            b.add(text, BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value.strip())), BooleanClause.Occur.FILTER);
        }
    }
}
