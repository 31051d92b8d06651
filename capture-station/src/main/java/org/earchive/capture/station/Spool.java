package org.earchive.capture.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The station's durable spool: one folder per batch with its originals, its state and, once processed, its PDF/A
 * files. A page is acknowledged only when it is on the disk; a batch moves CAPTURING → QUEUED (→ REVIEW) → PROCESSED →
 * DONE (or FAILED,
 * kept for the clerk) through states written atomically, so after {@code kill -9} or a power cut the station picks up
 * every batch where it stopped. A batch folder is removed only when the server has confirmed every file's digest.
 */
public final class Spool {
    /** Where a batch is. */
    public enum State {
        /** the clerk is still scanning into it */
        CAPTURING,
        /** complete, waiting to be processed */
        QUEUED,
        /** processed; the clerk checks it (quality control) before it may go to the server */
        REVIEW,
        PROCESSED,
        DONE,
        FAILED
    }

    /** A batch's case, material, operator and (hot folder) source, in its folder. */
    static final String PROPERTIES = "batch.properties";

    static final String COMMENT = "earchive station batch";

    private final Path root;

    /**
     * Opens the station's spool; leftovers of writes a crash interrupted ({@code .part} files) are removed here, once,
     * when the station starts — never while it runs, where a half-written file belongs to work in progress.
     */
    public Spool(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        Durable.syncFolder(root.getParent() == null ? root : root.getParent());
        try (Stream<Path> dirs = Files.list(this.root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                removeParts(dir);
            }
        }
    }

    public Path root() {
        return root;
    }

    /** Opens a new batch for a case and material (either may be null when cover sheets will say). */
    public SpoolBatch open(String caseNumber, String material, String operator) throws IOException {
        return open(caseNumber, material, operator, null);
    }

    /**
     * As {@link #open(String, String, String)}, for a batch taking one file from a hot folder: {@code source} names it
     * ({@code <file name>:<size>}), so that a batch a crash left capturing can be told apart from the file still there.
     */
    public SpoolBatch open(String caseNumber, String material, String operator, String source) throws IOException {
        String id = Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(root.resolve(id));
        Files.createDirectories(dir.resolve("originals"));
        Properties p = new Properties();
        if (caseNumber != null) {
            p.setProperty("case", caseNumber);
        }
        if (material != null) {
            p.setProperty("material", material);
        }
        if (operator != null) {
            p.setProperty("operator", operator);
        }
        if (source != null) {
            p.setProperty("source", source);
        }
        p.setProperty("opened", Instant.now().toString());
        Durable.write(dir.resolve(PROPERTIES), p, COMMENT);
        SpoolBatch batch = new SpoolBatch(id, dir, caseNumber, material, operator, source);
        batch.state(State.CAPTURING);
        Durable.syncFolder(root);
        return batch;
    }

    /**
     * Every batch on the disk, oldest first. Listing changes nothing: the agent lists while the station loop processes
     * (a listing that removed {@code .part} files took the PDF being written from under the pipeline).
     */
    public List<SpoolBatch> batches() throws IOException {
        List<SpoolBatch> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path props = dir.resolve(PROPERTIES);
                if (!Files.exists(props)) {
                    continue; // opened but never acknowledged anything: nothing to lose
                }
                Properties p = Durable.properties(props);
                out.add(new SpoolBatch(
                        dir.getFileName().toString(),
                        dir,
                        p.getProperty("case"),
                        p.getProperty("material"),
                        p.getProperty("operator"),
                        p.getProperty("source")));
            }
        }
        return out;
    }

    private static void removeParts(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
