package org.earchive.archive.application.dto;

import java.util.List;

/**
 * One slice of the incremental fixity check as a node ran it: objects verified, bytes read, how long it took, what
 * failed (keys), and how many of the claimed keys no live document refers to any more (left out of the ledger).
 */
public record FixitySlice(
        String node,
        long checked,
        long bytes,
        double seconds,
        List<String> mismatches,
        List<String> missing,
        long forgotten) {}
