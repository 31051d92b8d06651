package org.earchive.capture.station;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.capture.faults.FaultPoint;
import org.earchive.capture.pipeline.CaptureResult;
import org.earchive.capture.pipeline.OutputDocument;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.pipeline.Sidecar;
import org.earchive.capture.station.port.ArchiveServer;

/**
 * Moves batches through the spool: processes captured ones with the pipeline, uploads processed ones — each file
 * with the key {@code <batch id>:<sha256>} so a retry never makes a second document — compares the server's digest
 * with its own, and only then forgets the batch. A server that cannot be reached leaves batches where they are; the
 * next round retries with a growing pause.
 */
public final class Station {
    private static final Logger LOG = Logger.getLogger(Station.class.getName());
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    private final Spool spool;
    private final Pipeline pipeline;
    private final ArchiveServer server;
    private final boolean review;
    private int failedRounds;

    public Station(Spool spool, Pipeline pipeline, ArchiveServer server) {
        this(spool, pipeline, server, false);
    }

    /** @param review processed batches wait for the clerk's approval (quality control) before they are uploaded */
    public Station(Spool spool, Pipeline pipeline, ArchiveServer server, boolean review) {
        this.spool = spool;
        this.pipeline = pipeline;
        this.server = server;
        this.review = review;
    }

    /** What one round did. */
    public record Round(int processed, int uploaded, int failed, int waiting) {}

    /** Processes every captured batch, then uploads every processed one. Safe to call again after any crash. */
    public Round runOnce() throws IOException {
        int processed = 0, uploaded = 0, failed = 0, waiting = 0;
        for (SpoolBatch batch : spool.batches()) {
            Spool.State state = batch.state();
            if (state == Spool.State.QUEUED) {
                process(batch);
                processed++;
                state = batch.state();
            }
            if (state == Spool.State.PROCESSED) {
                try {
                    upload(batch);
                    if (batch.state() == Spool.State.DONE) {
                        uploaded++;
                        continue; // confirmed and removed from the spool
                    }
                } catch (ArchiveServer.Unavailable e) {
                    LOG.warning("batch " + batch.id() + " waits for the server: " + e.getMessage());
                    waiting++;
                    continue;
                }
                state = batch.state();
            }
            if (state == Spool.State.FAILED) {
                failed++;
            }
        }
        failedRounds = waiting > 0 ? failedRounds + 1 : 0;
        return new Round(processed, uploaded, failed, waiting);
    }

    /**
     * How long to wait before the next round: 2 s normally; while the server stays away it doubles from 4 s with every
     * round that had to wait, up to five minutes.
     */
    public Duration pause() {
        long seconds = Math.min(MAX_PAUSE.toSeconds(), 2L << Math.min(failedRounds, 8));
        return Duration.ofSeconds(seconds);
    }

    void process(SpoolBatch batch) throws IOException {
        Path out = batch.output();
        if (Files.exists(out)) {
            // processed again after the clerk's corrections: nothing of the earlier run may be uploaded
            try (var old = Files.walk(out)) {
                for (Path f : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(out);
        List<UploadPlan.Upload> plan = new ArrayList<>();
        // scanned at the counter before its case exists (the page is read to fill in the applicant): processed for
        // quality control and its fields, held in review until the counter gives it a case, then processed again
        boolean unassigned = review && batch.caseNumber() == null && batch.material() != null;
        for (Path original : batch.originalFiles()) {
            String stem = Pipeline.stem(original);
            CaptureResult r = pipeline.process(
                    original,
                    out,
                    stem,
                    new Pipeline.Context(batch.caseNumber(), batch.material(), batch.operator(), batch.turn(original)));
            Sidecar.write(r, out);
            if (r.failed()) {
                batch.fail(r.error().name(), original.getFileName() + ": " + r.errorMessage());
                return;
            }
            if (unassigned) {
                continue;
            }
            String material = batch.material();
            for (OutputDocument d : r.documents()) {
                String caseNumber = d.caseNumber() != null ? d.caseNumber() : batch.caseNumber();
                material = d.material() != null ? d.material() : batch.material();
                if (caseNumber == null || material == null) {
                    batch.fail(
                            "NO_CASE",
                            d.file().getFileName() + " has no case or material: choose the case at the station"
                                    + " or put a cover sheet printed from the case on top of the stack, then scan again.");
                    return;
                }
                plan.add(new UploadPlan.Upload(
                        DocumentRole.ARCHIVAL,
                        caseNumber,
                        material,
                        d.file().getFileName().toString(),
                        "application/pdf"));
            }
            String caseNumber = r.documents().get(0).caseNumber() != null
                    ? r.documents().get(0).caseNumber()
                    : batch.caseNumber();
            // the original goes with the first document it produced
            plan.add(new UploadPlan.Upload(
                    DocumentRole.ORIGINAL,
                    caseNumber,
                    r.documents().get(0).material() != null
                            ? r.documents().get(0).material()
                            : material,
                    "../originals/" + original.getFileName(),
                    r.mediaType() == null ? "application/octet-stream" : r.mediaType()));
        }
        if (!unassigned) {
            new UploadPlan(plan).write(batch.dir());
        }
        batch.state(review ? Spool.State.REVIEW : Spool.State.PROCESSED);
    }

    void upload(SpoolBatch batch) throws IOException {
        List<String> done = batch.confirmed();
        for (UploadPlan.Upload planned : UploadPlan.read(batch.dir()).uploads()) {
            Path file = batch.output().resolve(planned.file()).normalize();
            String sha256 = Pipeline.sha256(file);
            String entry = sha256 + " " + planned.role() + " " + planned.file();
            if (done.contains(entry)) {
                continue;
            }
            ArchiveServer.Uploaded u;
            try {
                u = server.upload(
                        planned.caseNumber(),
                        planned.material(),
                        planned.role().name(),
                        file,
                        planned.contentType(),
                        batch.id() + ":" + sha256);
            } catch (ArchiveServer.Rejected e) {
                batch.fail(e.code(), file.getFileName() + ": " + e.getMessage());
                return;
            }
            if (!u.sha256().equals(sha256)) {
                // never forget a page the server does not hold exactly
                batch.fail(
                        "DIGEST_MISMATCH",
                        file.getFileName() + ": the server holds " + u.sha256() + ", the station " + sha256
                                + ". The batch is kept; report it.");
                return;
            }
            FaultPoint.reach(FaultPoint.AFTER_201);
            batch.confirm(entry);
        }
        batch.state(Spool.State.DONE);
        LOG.info("batch " + batch.id() + " uploaded and confirmed by the server; removed from the spool");
        batch.remove();
    }

    /** The failure a clerk must deal with, from a FAILED batch. */
    public static JsonObject failure(SpoolBatch batch) throws IOException {
        try (var reader = Json.createReader(Files.newBufferedReader(batch.dir().resolve("error.json")))) {
            return reader.readObject();
        }
    }

    /** Runs rounds until interrupted. */
    public void runForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Round r = runOnce();
                if (r.processed() + r.uploaded() > 0) {
                    LOG.info("round: " + r);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "station round failed; retrying", e);
            }
            try {
                Thread.sleep(pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
