package org.earchive.archive.application.dto;

import java.time.Instant;

public record DocumentView(
    long id,
    String caseNumber,
    String material,
    String fileName,
    String contentType,
    long size,
    String sha256,
    String sm3,
    String uploadedBy,
    Instant uploadedAt) {}
