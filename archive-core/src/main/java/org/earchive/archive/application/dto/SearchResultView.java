package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;

/** One page of search results; {@code highlight} is HTML-escaped text with the hits marked {@code <em>…</em>}. */
public record SearchResultView(long total, int page, int size, List<Hit> hits) {
    public record Hit(
            String archiveNumber,
            String caseNumber,
            String applicantName,
            String businessType,
            String material,
            String title,
            String category,
            Instant archivedAt,
            String highlight) {
        /** The same hit showing {@code text} instead of its matching words. */
        public Hit withHighlight(String text) {
            return new Hit(
                    archiveNumber,
                    caseNumber,
                    applicantName,
                    businessType,
                    material,
                    title,
                    category,
                    archivedAt,
                    text);
        }
    }
}
