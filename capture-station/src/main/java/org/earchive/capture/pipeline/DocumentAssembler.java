package org.earchive.capture.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.earchive.capture.pipeline.port.ArchivalPdf;
import org.earchive.pdfa.ValidationReport;

/**
 * Takes processed pages in source order and builds the documents: separator and cover sheets close one and open the
 * next, blank pages are left out, every finished PDF/A is validated before it is released. Files are written under
 * hidden part names and renamed only when the whole input succeeded.
 */
final class DocumentAssembler {
    private final Components components;
    private final Path outDir;
    private final Hocr hocr = new Hocr();
    private final String stem;
    private final DocumentMetadata base;
    private final List<PageOutcome> pages = new ArrayList<>();
    private final List<CaptureWarning> warnings = new ArrayList<>();
    private final List<Long> fingerprints = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private ArchivalPdf current;
    private List<Integer> currentPages;
    private String caseNumber;
    private String material;

    DocumentAssembler(Components components, Path outDir, String stem, DocumentMetadata base) {
        this.components = components;
        this.outDir = outDir;
        this.stem = stem;
        this.base = base;
        this.caseNumber = base.caseNumber();
        this.material = base.material();
    }

    synchronized void warn(CaptureWarning warning) {
        warnings.add(warning);
    }

    List<PageOutcome> pages() {
        return List.copyOf(pages);
    }

    List<CaptureWarning> warnings() {
        return List.copyOf(warnings);
    }

    void accept(PageProcessor.Processed processed) throws IOException {
        PageOutcome outcome = processed.outcome();
        Separation.Decision decision = Separation.classify(outcome.barcodes());
        if (decision instanceof Separation.BadCover bad) {
            warn(new CaptureWarning(
                    CaptureWarning.INVALID_COVER_SHEET,
                    outcome.index(),
                    "The barcode '" + bad.text()
                            + "' looks like a cover sheet but its case number or material code is not valid; the page was kept as"
                            + " an ordinary page. Print a new cover sheet from the case."));
        }
        if (outcome.separator()) {
            closeCurrent();
            if (decision instanceof Separation.Cover cover) {
                caseNumber = cover.caseNumber();
                material = cover.material();
            }
            pages.add(outcome);
            return;
        }
        if (outcome.blank()) {
            pages.add(outcome);
            return;
        }
        String text = outcome.text().replaceAll("\\s+", "");
        for (int i = 0; i < fingerprints.size(); i++) {
            if (Fingerprint.sameSheet(fingerprints.get(i), texts.get(i), processed.fingerprint(), text)) {
                warn(new CaptureWarning(
                        CaptureWarning.DUPLICATE_PAGE,
                        outcome.index(),
                        "This page looks the same as an"
                                + " earlier page of the batch. Delete one of them if the sheet was scanned twice."));
                break;
            }
        }
        fingerprints.add(processed.fingerprint());
        texts.add(text);
        if (current == null) {
            current = components.pdf().create();
            currentPages = new ArrayList<>();
        }
        hocr.page(
                outcome.index(),
                processed.archival().image().width(),
                processed.archival().image().height(),
                processed.archival().words());
        ArchivalPdf pdf = current;
        StepTimes.time("pdf", () -> {
            try {
                pdf.addPage(processed.archival());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        currentPages.add(outcome.index());
        pages.add(outcome.inDocument(parts.size() + 1));
    }

    /** Saves and validates the open document, if it has pages. */
    private void closeCurrent() throws IOException {
        if (current == null) {
            return;
        }
        ArchivalPdf pdf = current;
        current = null;
        int n = parts.size() + 1;
        Path part = outDir.resolve("." + stem + "-" + n + ".pdf.part");
        try (pdf) {
            String title = base.title() + (material != null ? " " + material : "");
            pdf.save(
                    part,
                    new DocumentMetadata(
                            title,
                            caseNumber,
                            material,
                            base.station(),
                            base.operator(),
                            base.capturedAt(),
                            base.sourceName(),
                            base.sourceSha256()));
        }
        parts.add(new Part(part, List.copyOf(currentPages), caseNumber, material));
        ValidationReport report =
                StepTimes.time("validate", () -> components.validator().validate(part));
        if (!report.compliant()) {
            throw new CaptureException(CaptureError.PDFA_INVALID, "document " + n + ": " + report.summary(5));
        }
    }

    /** Closes the last document and renames every part to its final name. */
    List<OutputDocument> finish() throws IOException {
        closeCurrent();
        if (parts.isEmpty()) {
            boolean anyBlank = pages.stream().anyMatch(PageOutcome::blank);
            boolean anySeparator = pages.stream().anyMatch(PageOutcome::separator);
            throw new CaptureException(
                    anyBlank && !anySeparator ? CaptureError.ALL_PAGES_BLANK : CaptureError.NO_PAGES,
                    anySeparator ? "only separator or cover sheets" : null);
        }
        if (!hocr.empty()) {
            // the words and their boxes beside the PDF/A: <stem>.hocr, written whole or not at all
            Path part = outDir.resolve("." + stem + ".hocr.part");
            Files.writeString(part, hocr.document(stem));
            Files.move(
                    part,
                    outDir.resolve(stem + ".hocr"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        List<OutputDocument> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            Path target = outDir.resolve(parts.size() == 1 ? stem + ".pdf" : stem + "-" + (i + 1) + ".pdf");
            Files.move(p.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.add(new OutputDocument(
                    target, Pipeline.sha256(target), Files.size(target), p.pages(), p.caseNumber(), p.material()));
        }
        parts.clear();
        return out;
    }

    /** Removes everything this input wrote so far. */
    void discard() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException ignored) {
                // being thrown away
            }
            current = null;
        }
        for (Part p : parts) {
            try {
                Files.deleteIfExists(p.file());
            } catch (IOException ignored) {
                // a hidden part file left behind is harmless; the next run replaces it
            }
        }
        parts.clear();
    }

    private record Part(Path file, List<Integer> pages, String caseNumber, String material) {}
}
