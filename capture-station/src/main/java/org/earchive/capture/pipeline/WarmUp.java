package org.earchive.capture.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.pipeline.port.OcrEngine;

/**
 * What a cold pipeline loads before its first page — an OCR model per worker (Tesseract's chi_sim: most of a second
 * each), the PDF/A rules (veraPDF) and the CJK font — started side by side instead of one after the other as the first
 * page reaches each step.
 */
final class WarmUp {
    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    private WarmUp() {}

    static void start(ExecutorService workers, Supplier<OcrEngine> engine, int threads, Components components) {
        CountDownLatch loaded = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            workers.submit(() -> {
                try {
                    engine.get();
                } finally {
                    loaded.countDown(); // a model that fails to load fails the first page, with its message
                }
                // holds its thread until every worker has one: each worker thread loads exactly one model
                return loaded.await(30, TimeUnit.SECONDS);
            });
        }
        Thread rest = new Thread(() -> documentSteps(components), "capture-warm-up");
        rest.setDaemon(true);
        rest.start();
    }

    /**
     * A tiny PDF/A written and validated for nothing: the font is parsed and subset, PDFBox's writer and veraPDF's
     * PDF/A-2b profile and parser are loaded (over a second of CPU on a cold JVM) while the first page is still read.
     */
    private static void documentSteps(Components components) {
        Path file = null;
        try {
            file = Files.createTempFile("earchive-warm-up", ".pdf");
            byte[] white = new byte[200 * 100];
            Arrays.fill(white, (byte) 0xff);
            try (var pdf = components.pdf().create()) {
                pdf.addPage(new ArchivalPage(
                        new PageRaster(200, 100, 1, white, 300, 300),
                        ImageCleaner.Appearance.BITONAL,
                        List.of(new OcrEngine.Word("档案", 10, 10, 60, 40, 90f))));
                pdf.save(
                        file,
                        new DocumentMetadata(
                                "warm-up", null, null, "warm-up", "warm-up", Instant.now(), "warm-up", null));
            }
            components.validator().validate(file);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "document steps' warm-up: " + e); // the first document reports any problem properly
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
