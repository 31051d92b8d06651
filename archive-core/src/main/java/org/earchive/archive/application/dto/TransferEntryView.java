package org.earchive.archive.application.dto;

import java.time.Instant;

/** One line of the transfer register. */
public record TransferEntryView(
        long id,
        String packageId,
        String direction,
        String outcome,
        String scope,
        String sourceOffice,
        String targetOffice,
        int records,
        String payloadOxum,
        String tagManifestSha256,
        String actor,
        Instant at,
        String report) {}
