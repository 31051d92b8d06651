package org.earchive.archive.application.dto;

/**
 * The database compared with the search index: archived records, how many the index lacked (and were indexed again),
 * and the index's entries afterwards; {@code extra} entries are in the index with no record behind them.
 */
public record ReconcileReport(long records, long missing, long entries, long extra) {}
