package org.earchive.archive.application.dto;

/**
 * One slice of the orphan scan: keys scanned, orphans recorded among them, whether it reached the end of the store
 * (the next slice starts a new pass).
 */
public record OrphanSlice(int scanned, int orphans, boolean passEnded) {}
