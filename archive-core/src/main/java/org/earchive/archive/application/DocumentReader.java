package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.PageImage;

/** Materials' files going out: to the viewers (watermarked pages, text) and to the archive room (the bytes). */
@Local
public interface DocumentReader {
    /** Opens the bytes for reading; recorded in the audit trail as a view. */
    DocumentContent open(long documentId) throws EarchiveException;

    /** The document's description (digests, size, material) without reading its bytes. */
    DocumentView describe(long documentId) throws EarchiveException;

    /**
     * Page {@code page} (1-based) rendered as PNG at about {@code dpi}, with a visible watermark naming the reader and
     * the time; the archived object itself is never modified.
     */
    PageImage page(long documentId, int page, int dpi) throws EarchiveException;

    /** The document's text (the OCR layer of its PDF/A, or a born-digital PDF's own text); empty if it has none. */
    String text(long documentId) throws EarchiveException;
}
