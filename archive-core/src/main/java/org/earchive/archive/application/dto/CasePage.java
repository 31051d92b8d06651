package org.earchive.archive.application.dto;

import java.util.List;

/** One page of a case list and how many cases the whole list has. */
public record CasePage(List<CaseSummary> items, long total, int page, int size) {}
