package org.earchive.capture.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.earchive.capture.pipeline.CaptureError;
import org.earchive.capture.pipeline.CaptureResult;
import org.earchive.capture.pipeline.OutputDocument;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.port.ArchiveServer;
import org.earchive.capture.station.port.CaptureJobs;

/**
 * Server-side capture: takes jobs from the archive's queue (any number of workers on any nodes; each job leased to one),
 * runs the station's pipeline on the original and sends back its PDF/A or the pipeline's coded error. One loop per
 * thread, each with its own pipeline (its own OCR engine); an empty queue is asked again after a growing pause (up to
 * 5 s); a server away is retried. A worker killed mid-job loses nothing: the lease runs out and another takes the job,
 * and the server records the result once whatever the retries.
 */
public final class CaptureWorker {
    private static final Logger LOG = Logger.getLogger(CaptureWorker.class.getName());
    private static final Duration MAX_IDLE = Duration.ofSeconds(5);

    private final CaptureJobs server;
    private final Pipeline pipeline;
    private final Path work;
    private final String name;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param pipeline this loop's pipeline (not shared between loops)
     * @param work a folder of its own for originals and results while they are processed
     * @param name this loop's name, unique among the workers of its account (it holds the job's lease)
     */
    public CaptureWorker(CaptureJobs server, Pipeline pipeline, Path work, String name) {
        this.server = server;
        this.pipeline = pipeline;
        this.work = work;
        this.name = name;
    }

    /** Jobs done and failed so far. */
    public long done() {
        return done.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Takes and processes jobs until {@code stop} says so. */
    public void run(BooleanSupplier stop) throws InterruptedException {
        long pause = 250;
        while (!stop.getAsBoolean()) {
            boolean worked;
            try {
                worked = runOnce();
            } catch (ArchiveServer.Unavailable e) {
                LOG.warning(() -> "capture worker " + name + ": " + e.getMessage() + "; trying again");
                worked = false;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "capture worker " + name + ": " + e.getMessage(), e);
                worked = false;
            }
            if (worked) {
                pause = 250;
            } else {
                Thread.sleep(pause);
                pause = Math.min(MAX_IDLE.toMillis(), pause * 2);
            }
        }
    }

    /** Claims one job and processes it; false when the queue had none. */
    public boolean runOnce() throws IOException {
        List<CaptureJobs.Job> jobs = server.claim(name, 1);
        for (CaptureJobs.Job job : jobs) {
            process(job);
        }
        return !jobs.isEmpty();
    }

    private void process(CaptureJobs.Job job) throws IOException {
        Path dir = Files.createDirectories(work).resolve("job-" + job.documentId());
        clean(dir);
        Files.createDirectories(dir);
        try {
            Path original = dir.resolve("original" + extension(job.fileName()));
            server.original(job.documentId(), name, original);
            String stem = Pipeline.stem(Path.of(job.fileName().isBlank() ? "document" : job.fileName()));
            CaptureResult result = pipeline.process(
                    original,
                    Files.createDirectories(dir.resolve("out")),
                    "archival",
                    new Pipeline.Context(job.caseNumber(), job.material(), "server", 0, true));
            if (result.failed()) {
                server.fail(job.documentId(), name, result.error().name(), result.errorMessage());
                failed.incrementAndGet();
                LOG.info(() -> "capture job " + job.documentId() + " (" + stem + "): " + result.error());
                return;
            }
            if (result.documents().size() != 1) {
                // separator sheets inside one upload: the applicant's file is one material, never split on the server
                server.fail(
                        job.documentId(),
                        name,
                        CaptureError.PROCESSING_FAILED.name(),
                        "The file holds " + result.documents().size()
                                + " documents separated by cover sheets: upload each material on its own.");
                failed.incrementAndGet();
                return;
            }
            OutputDocument out = result.documents().get(0);
            server.complete(job.documentId(), name, out.pages().size(), out.file());
            done.incrementAndGet();
        } catch (ArchiveServer.Rejected e) {
            // the lease ran out and another worker has the job, or the server refused the result: nothing to retry
            LOG.warning(() -> "capture job " + job.documentId() + " dropped: " + e.code() + " " + e.getMessage());
        } finally {
            clean(dir);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot > 0 ? fileName.substring(dot).toLowerCase() : "";
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
