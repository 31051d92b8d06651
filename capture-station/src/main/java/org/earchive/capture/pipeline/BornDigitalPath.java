package org.earchive.capture.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.earchive.pdfa.ValidationReport;

/**
 * The pipeline's path for a born-digital PDF that can stay as it is: made PDF/A without drawing a page (its vectors and
 * text kept), then validated like any output; a file that fails validation goes the drawn path instead.
 */
final class BornDigitalPath {
    private static final Logger LOG = Logger.getLogger(BornDigitalPath.class.getName());

    private BornDigitalPath() {}

    static Optional<CaptureResult> keep(
            Components components,
            Path input,
            Path outDir,
            String stem,
            DocumentMetadata metadata,
            String sha256,
            String mediaType)
            throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(stem + ".pdf");
        Optional<List<String>> texts = components.bornDigital().keep(input, target, metadata);
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        ValidationReport report = components.validator().validate(target);
        if (!report.compliant()) {
            Files.deleteIfExists(target);
            LOG.info(() -> input.getFileName() + " kept as it is is not PDF/A (" + report.summary(3)
                    + "): its pages are drawn instead");
            return Optional.empty();
        }
        List<PageOutcome> pages = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < texts.get().size(); i++) {
            pages.add(PageOutcome.builder(i + 1)
                    .text(texts.get().get(i))
                    .confidence(100f)
                    .document(1)
                    .build());
            numbers.add(i + 1);
        }
        OutputDocument doc = new OutputDocument(
                target,
                Pipeline.sha256(target),
                Files.size(target),
                numbers,
                metadata.caseNumber(),
                metadata.material());
        return Optional.of(
                new CaptureResult(input, stem, sha256, mediaType, pages, List.of(doc), List.of(), null, null));
    }
}
