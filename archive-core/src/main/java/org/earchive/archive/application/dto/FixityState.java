package org.earchive.archive.application.dto;

import java.time.Instant;

/** One object in the incremental check: when next due, when last verified (null: not yet) and how (OK, MISMATCH, MISSING). */
public record FixityState(String objectKey, Instant dueAt, Instant verifiedAt, String outcome, String detail) {}
