package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;

/**
 * An employer's archived case as a credit check (社保征信) reads it: which business, when decided and archived, and the
 * archive numbers to cite. No applicant's citizen ID: a credit check is about the employer.
 */
public record EmployerCaseView(
        String caseNumber,
        String businessType,
        String businessTypeName,
        String employerCode,
        String employerName,
        Instant decidedAt,
        Instant archivedAt,
        List<String> archiveNumbers) {}
