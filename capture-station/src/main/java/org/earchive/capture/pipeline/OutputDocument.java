package org.earchive.capture.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * One archival PDF/A the pipeline wrote.
 *
 * @param pages the source page numbers it holds, in order
 * @param caseNumber from the cover sheet that opened it, or null
 * @param material from the cover sheet that opened it, or null
 */
public record OutputDocument(
        Path file, String sha256, long size, List<Integer> pages, String caseNumber, String material) {}
