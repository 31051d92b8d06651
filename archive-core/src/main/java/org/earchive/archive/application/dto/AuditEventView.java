package org.earchive.archive.application.dto;

import java.time.Instant;

public record AuditEventView(
        long seq, Instant at, String actor, String action, String target, String detail, String hash) {}
