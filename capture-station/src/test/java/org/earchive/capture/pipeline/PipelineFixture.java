package org.earchive.capture.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.earchive.capture.infrastructure.StandardComponents;

/** The real pipeline for tests, and helpers to look into what it wrote. */
final class PipelineFixture {
    static final Path CORPUS = Path.of(System.getProperty("earchive.corpus", "../../shared/corpus"));

    private PipelineFixture() {}

    static CaptureSettings settings(String language) {
        return CaptureSettings.fromEnvironment().withLanguage(language).withWorkers(2);
    }

    static Pipeline pipeline(String language) {
        return pipeline(settings(language));
    }

    static Pipeline pipeline(CaptureSettings settings) {
        return new Pipeline(StandardComponents.create(settings), settings);
    }

    static Path corpus(String name) {
        return CORPUS.resolve(name);
    }

    static boolean corpusPresent() {
        return Files.isDirectory(CORPUS.resolve("ocrmypdf")) && Files.isDirectory(CORPUS.resolve("paperless"));
    }

    /** The text a reader selects or searches in the PDF: the invisible layer. */
    static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    static int pdfPages(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }
}
