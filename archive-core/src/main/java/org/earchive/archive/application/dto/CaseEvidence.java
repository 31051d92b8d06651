package org.earchive.archive.application.dto;

import java.util.List;
import org.earchive.archive.domain.model.identity.CitizenId;

/**
 * What a case presents, as risk detection reads it: each document's digest and text, and whose case it is (the
 * applicant's citizen ID, to compare with the IDs the materials carry; never logged whole).
 */
public record CaseEvidence(
        String caseNumber, String businessType, String status, String applicantIdNumber, List<Item> documents) {
    /** A citizen ID as evidence may show it: the first six and the last four characters. */
    public static String mask(String citizenId) {
        return CitizenId.mask(citizenId);
    }

    /**
     * One document: its material, file name, SHA-256, its text (the OCR layer) if it was asked for, else empty, and
     * the citizen IDs in that text that pass their check character (GB 11643), in order.
     */
    public record Item(
            long documentId, String material, String fileName, String sha256, String text, List<String> citizenIds) {
        public Item {
            citizenIds = List.copyOf(citizenIds);
        }
    }
}
