package org.earchive.archive.application.dto;

import java.util.List;

/**
 * What became of a transfer package: exported, verified, imported, already held or rejected — with every problem
 * named when it was rejected, and the archive numbers given here to what was imported.
 *
 * @param outcome EXPORTED, VERIFIED, IMPORTED, ALREADY_HELD or REJECTED
 * @param records records the package describes
 * @param imported records that entered this archive
 * @param alreadyHeld records this archive already held (a re-import)
 */
public record TransferReport(
        String packageId,
        String outcome,
        String sourceOffice,
        String targetOffice,
        int records,
        int imported,
        int alreadyHeld,
        List<String> archiveNumbers,
        List<String> problems,
        String payloadOxum,
        String tagManifestSha256) {

    public boolean accepted() {
        return problems.isEmpty();
    }
}
