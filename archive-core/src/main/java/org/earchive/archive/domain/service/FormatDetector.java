package org.earchive.archive.domain.service;

/** Names a file's format from its first bytes, whatever its name or declared type say. */
public interface FormatDetector {
    /** Bytes enough to decide for every format the archive accepts. */
    int HEAD_BYTES = 8192;

    /** The media type the bytes are (e.g. {@code application/pdf}), {@code application/octet-stream} if unknown. */
    String detect(byte[] head, int length);
}
