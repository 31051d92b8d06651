package org.earchive.archive.application.dto;

/**
 * The same evidence seen in another case: that case, its type, the material, the record number if archived, whether it
 * is the same applicant (their masked ID is all that is shown).
 */
public record Sighting(
        String caseNumber,
        String businessType,
        String material,
        String archiveNumber,
        String applicantIdMasked,
        boolean sameApplicant) {}
