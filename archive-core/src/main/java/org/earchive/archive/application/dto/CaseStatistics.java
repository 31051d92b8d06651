package org.earchive.archive.application.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * Handling figures for the cases accepted from {@code from} to {@code to} (days in the office's zone, inclusive),
 * one row per group and their total. Rates are fractions (0.125 is 12.5%); times are minutes, null when no case of the
 * row got that far.
 */
public record CaseStatistics(LocalDate from, LocalDate to, String groupBy, List<Row> rows, Row total) {

    /**
     * One group: accepted, decided (approved, waiting for promised materials, archived, rejected or closed), archived,
     * rejected (and closed), withdrawn; sent back for a supplement at least once; overdue (decided after its deadline,
     * or still undecided past it); acceptance → decision and decision → archive times, median and 90th percentile.
     */
    public record Row(
            String key,
            String label,
            long accepted,
            long decided,
            long archived,
            long rejected,
            long withdrawn,
            long supplemented,
            long overdue,
            double supplementRate,
            double overdueRate,
            Double decisionP50Minutes,
            Double decisionP90Minutes,
            Double archivingP50Minutes,
            Double archivingP90Minutes) {}
}
