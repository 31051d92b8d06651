package org.earchive.archive.domain.model.document;

/** What the object store reported for a document's bytes. */
public record StoredContent(String objectKey, long size, String sha256, String sm3) {}
