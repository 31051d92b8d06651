package org.earchive.archive.application.dto;

import java.time.LocalDate;

/**
 * A case list as asked for: {@code view} one of {@code open}, {@code returned}, {@code promised}, {@code overdue} or
 * none; {@code status} a status code or none; {@code applicant} a full citizen ID or a name; {@code from}/{@code to}
 * acceptance days (inclusive) in the office's zone; {@code mine} only the caller's own.
 */
public record CaseListRequest(
        String view, String status, String applicant, LocalDate from, LocalDate to, boolean mine, int page, int size) {}
