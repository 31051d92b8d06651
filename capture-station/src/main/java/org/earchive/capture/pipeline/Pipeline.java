package org.earchive.capture.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.capture.pipeline.port.OcrEngine;

/**
 * The capture pipeline: triage → rasterise → clean → blank/separate → OCR → PDF/A → validate, for one input at a time.
 * Pages are read one by one and cleaned and recognised on {@code workers} threads, each with its own OCR engine;
 * at most {@code 2 × workers} pages are in memory at once whatever the input's length. An input that cannot be
 * processed gives a result with a stable error code and no output; the next input goes on.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());

    private final Components components;
    private final CaptureSettings settings;
    private final ExecutorService workers;
    private final List<OcrEngine> engines = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<OcrEngine> engine;
    private final PageProcessor processor;

    public Pipeline(Components components, CaptureSettings settings) {
        this.components = components;
        this.settings = settings;
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), r -> {
            Thread t = new Thread(r, "capture-worker");
            t.setDaemon(true);
            return t;
        });
        this.engine = ThreadLocal.withInitial(() -> {
            OcrEngine e = components.ocr().create();
            engines.add(e);
            return e;
        });
        this.processor = new PageProcessor(components, settings);
    }

    /**
     * Starts now, side by side, what the first page would otherwise wait for in series: each worker loads its OCR
     * model (one per worker, kept for every page after), and the PDF/A validator and writer load their rules and font.
     * Returns at once.
     */
    public void warmUp() {
        WarmUp.start(workers, engine::get, Math.max(1, settings.workers()), components);
    }

    /**
     * Processes one input into {@code outDir}: {@code <stem>.pdf} (or {@code <stem>-1.pdf}, {@code <stem>-2.pdf}… when
     * separator sheets split it). Partial outputs are removed when the input fails.
     *
     * @param context the case and material the documents belong to, when known before any cover sheet is read
     */
    public CaptureResult process(Path input, Path outDir, Context context) {
        return process(input, outDir, stem(input), context);
    }

    /** As {@link #process(Path, Path, Context)}, with the output's name chosen by the caller. */
    public CaptureResult process(Path input, Path outDir, String stem, Context context) {
        String sha256 = null;
        String mediaType = null;
        DocumentAssembler assembler = null;
        try {
            sha256 = sha256(input);
            Triage.Result triage = components.triage().triage(input);
            mediaType = triage.mediaType();
            DocumentMetadata base = new DocumentMetadata(
                    stem,
                    context.caseNumber(),
                    context.material(),
                    settings.station(),
                    context.operator() != null ? context.operator() : settings.operator(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    input.getFileName().toString(),
                    sha256);
            if (context.keepVectors() && triage.kind() == Triage.Kind.PDF) {
                Optional<CaptureResult> kept =
                        BornDigitalPath.keep(components, input, outDir, stem, base, sha256, mediaType);
                if (kept.isPresent()) {
                    return kept.get();
                }
            }
            assembler = new DocumentAssembler(components, outDir, stem, base);
            try (PageSource source = components.sources().open(input, triage.kind(), settings.limits())) {
                run(source, assembler, context.turn(), work(outDir, stem));
            }
            List<OutputDocument> documents = assembler.finish();
            removeWork(outDir, stem);
            return new CaptureResult(
                    input, stem, sha256, mediaType, assembler.pages(), documents, assembler.warnings(), null, null);
        } catch (CaptureException e) {
            discard(assembler);
            return new CaptureResult(
                    input, stem, sha256, mediaType, List.of(), List.of(), List.of(), e.error(), e.getMessage());
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            discard(assembler);
            LOG.log(Level.SEVERE, "capture of " + input.getFileName() + " failed unexpectedly", e);
            CaptureException wrapped =
                    new CaptureException(CaptureError.PROCESSING_FAILED, String.valueOf(e.getMessage()));
            return new CaptureResult(
                    input,
                    stem,
                    sha256,
                    mediaType,
                    List.of(),
                    List.of(),
                    List.of(),
                    wrapped.error(),
                    wrapped.getMessage());
        }
    }

    /** The job's work folder: the images of a page whose step failed are kept there for diagnosis. */
    static Path work(Path outDir, String stem) {
        return outDir.resolve("work").resolve(stem);
    }

    /** A job that succeeded leaves no work folder behind (an earlier failed attempt's included). */
    private static void removeWork(Path outDir, String stem) {
        Path work = work(outDir, stem);
        if (!Files.isDirectory(work)) {
            return;
        }
        try (var files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(work);
            try (var others = Files.list(work.getParent())) {
                if (others.findAny().isEmpty()) {
                    Files.deleteIfExists(work.getParent());
                }
            }
        } catch (IOException e) {
            LOG.warning("the work folder " + work + " could not be removed: " + e.getMessage());
        }
    }

    /** Reads pages in order, keeps a bounded window of them in the workers, hands them back in order. */
    private void run(PageSource source, DocumentAssembler assembler, int turn, Path work) throws IOException {
        int window = Math.max(2, settings.workers() * 2);
        Deque<Future<PageProcessor.Processed>> inFlight = new ArrayDeque<>();
        try {
            for (int i = 1; i <= source.pageCount(); i++) {
                int index = i;
                SourcePage page = StepTimes.time("read", () -> source.read(index));
                warnResolution(page, assembler);
                inFlight.add(workers.submit(() -> processPage(page, turn, work)));
                if (inFlight.size() >= window) {
                    assembler.accept(await(inFlight.removeFirst()));
                }
            }
            while (!inFlight.isEmpty()) {
                assembler.accept(await(inFlight.removeFirst()));
            }
        } finally {
            for (Future<?> f : inFlight) {
                f.cancel(true);
            }
        }
    }

    private PageProcessor.Processed processPage(SourcePage page, int turn, Path work) {
        OcrEngine ocr = engine.get();
        try {
            return processor.process(page, ocr, turn, work);
        } catch (CaptureException e) {
            if (e.error() == CaptureError.OCR_FAILED) {
                // the engine may be left in a bad state: the next page on this thread gets a fresh one
                engine.remove();
                engines.remove(ocr);
                try {
                    ocr.close();
                } catch (RuntimeException ignored) {
                    // already broken
                }
            }
            throw e;
        }
    }

    private void warnResolution(SourcePage page, DocumentAssembler assembler) {
        PageRaster r = page.raster();
        if (page.bornDigital()) {
            return;
        }
        if (!r.known()) {
            assembler.warn(
                    new CaptureWarning(
                            CaptureWarning.RESOLUTION_UNKNOWN,
                            page.index(),
                            "The file does not say its resolution; it is laid out as 300 dpi. Scan to PDF or TIFF to keep it."));
        } else if (r.dpi() < settings.limits().warnDpi()) {
            assembler.warn(new CaptureWarning(
                    CaptureWarning.LOW_RESOLUTION,
                    page.index(),
                    "Scanned at " + r.dpi()
                            + " dpi, below the 200 dpi the archive rules ask for. Rescan at 300 dpi if you can."));
        }
    }

    private static PageProcessor.Processed await(Future<PageProcessor.Processed> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException(CaptureError.PROCESSING_FAILED, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CaptureException ce) {
                throw ce;
            }
            throw new CaptureException(CaptureError.PROCESSING_FAILED, String.valueOf(cause), cause);
        }
    }

    private static void discard(DocumentAssembler assembler) {
        if (assembler != null) {
            assembler.discard();
        }
    }

    public static String stem(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The SHA-256 of a file, streamed (the station compares it with the server's). */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a failed input, untouched, into {@code quarantine}; the caller's original stays where it was. */
    public static Path quarantine(Path input, Path quarantine) throws IOException {
        Files.createDirectories(quarantine);
        Path target = quarantine.resolve(input.getFileName().toString());
        Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return target;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        synchronized (engines) {
            for (OcrEngine e : engines) {
                try {
                    e.close();
                } catch (RuntimeException ignored) {
                    // closing
                }
            }
            engines.clear();
        }
    }

    /**
     * What is known about the input before its pages are read.
     *
     * @param turn the clerk's turn for every page (degrees counter-clockwise), 0 to detect
     * @param keepVectors a born-digital PDF keeps its pages as they are when it can (server-side capture); a station's
     *     scans are always drawn, read for barcodes and cleaned
     */
    public record Context(String caseNumber, String material, String operator, int turn, boolean keepVectors) {
        public Context(String caseNumber, String material, String operator, int turn) {
            this(caseNumber, material, operator, turn, false);
        }

        public Context(String caseNumber, String material, String operator) {
            this(caseNumber, material, operator, 0);
        }

        public static Context none() {
            return new Context(null, null, null);
        }
    }
}
