package org.earchive.archive.application.dto;

import java.time.Instant;

/**
 * The answer to "has this person a valid archived material of type X": the newest record of that material neither
 * destroyed nor past its retention, or the reason there is none. The citizen ID is masked.
 */
public record MaterialAnswer(
        String citizenId, String material, boolean valid, String archiveNumber, Instant archivedAt, String reason) {}
