package org.earchive.pdfa;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a PDF/A-2b document says about itself, in its XMP metadata and its info dictionary.
 *
 * @param title the document's title
 * @param author who made it (an operator, a reviewer); may be null
 * @param identifier what it belongs to (a case number); may be null
 * @param subjects keywords such as {@code case:C…}, {@code material:ID_CARD}
 * @param source where its content came from (a scan's file name and digest); may be null
 * @param description a line of {@code key=value} facts; may be null
 * @param creatorTool the program that made the content
 * @param producer the program that wrote the PDF
 * @param created when it was made
 * @param zone the zone its dates are written in
 * @param documentId the 16 bytes of the trailer's ID (the same in both halves: a new document)
 */
public record PdfAIdentity(
        String title,
        String author,
        String identifier,
        List<String> subjects,
        String source,
        String description,
        String creatorTool,
        String producer,
        Instant created,
        ZoneId zone,
        byte[] documentId) {
    public PdfAIdentity {
        subjects = List.copyOf(subjects);
        if (documentId == null || documentId.length == 0) {
            throw new IllegalArgumentException("a PDF/A needs a document ID");
        }
    }
}
