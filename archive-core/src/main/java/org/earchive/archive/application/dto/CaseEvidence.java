package org.earchive.archive.application.dto;

import java.util.List;

/** What a case presents, as risk detection reads it: each document's digest and text. */
public record CaseEvidence(String caseNumber, String businessType, String status, List<Item> documents) {
    /** One document: its material, file name, SHA-256 and its text (the OCR layer) if it was asked for, else empty. */
    public record Item(long documentId, String material, String fileName, String sha256, String text) {}
}
