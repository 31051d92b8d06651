package org.earchive.archive.application.dto;

/** One page rendered for viewing, watermarked with the reader and the time. */
public record PageImage(long documentId, int page, int pages, byte[] png, String watermark) {}
