package org.earchive.archive.application.dto;

/** The result of recomputing the audit chain. {@code firstBrokenSeq} and {@code reason} are null when it is whole. */
public record AuditVerification(boolean valid, long checked, Long firstBrokenSeq, String reason) {}
