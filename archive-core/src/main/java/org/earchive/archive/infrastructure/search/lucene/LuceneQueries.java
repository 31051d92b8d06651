package org.earchive.archive.infrastructure.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;

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
        if (words == null || words.isBlank()) {
            return null;
        }
        String plain = words.strip()
                .replaceAll("\\b(AND|OR|NOT|TO)\\b", " ")
                .replace("&&", " ")
                .replace("||", " ");
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

    static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value.strip())), BooleanClause.Occur.FILTER);
        }
    }
}
