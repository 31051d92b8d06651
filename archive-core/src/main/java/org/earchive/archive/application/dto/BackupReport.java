package org.earchive.archive.application.dto;

import java.time.Instant;

/** What a backup wrote. */
public record BackupReport(
        String directory, Instant takenAt, long cases, long documents, long objects, long indexFiles) {}
