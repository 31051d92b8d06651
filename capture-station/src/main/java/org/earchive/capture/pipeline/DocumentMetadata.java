package org.earchive.capture.pipeline;

import java.time.Instant;

/**
 * What the archival PDF/A says about itself in its XMP: who captured what, where and when.
 *
 * @param caseNumber the case the document belongs to, or null for bulk digitisation
 * @param material the material code (e.g. ID_CARD), or null
 */
public record DocumentMetadata(
        String title,
        String caseNumber,
        String material,
        String station,
        String operator,
        Instant capturedAt,
        String sourceName,
        String sourceSha256) {}
