package org.earchive.archive.infrastructure.search.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;

/** The query parts of a search: the clerk's words as a query, exact-field filters, highlighted fragments. */
final class LuceneQueries {
    private LuceneQueries() {}

    /** The clerk's words as a query over title, text and name (all words must occur); null when there are none. */
    static Query textQuery(String words) {
        if (words == null || words.isBlank()) {
            return null;
        }
        try {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(
                    new String[] {"title", "text", "applicantName"}, new SmartChineseAnalyzer());
            parser.setDefaultOperator(QueryParser.Operator.AND);
            // a clerk's words are not a query language: operators are words too, special characters are escaped
            String plain = words.strip()
                    .replaceAll("\\b(AND|OR|NOT|TO)\\b", " ")
                    .replace("&&", " ")
                    .replace("||", " ");
            return parser.parse(QueryParser.escape(plain));
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "The search words cannot be searched for: use fewer or simpler words.", e);
        }
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
