package org.earchive.archive.application.dto;

import java.time.Instant;

public record CaseEventView(Instant at, String actor, String from, String to, String comment) {}
