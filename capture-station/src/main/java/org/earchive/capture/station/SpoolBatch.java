package org.earchive.capture.station;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.earchive.capture.station.port.PageSink;

/** One batch's folder. */
public final class SpoolBatch implements PageSink {
    private final String id;
    private final Path dir;
    private final String caseNumber;
    private final String material;
    private final String operator;
    private final String source;

    SpoolBatch(String id, Path dir, String caseNumber, String material, String operator, String source) {
        this.id = id;
        this.dir = dir;
        this.caseNumber = caseNumber;
        this.material = material;
        this.operator = operator;
        this.source = source;
    }

    public String id() {
        return id;
    }

    public Path dir() {
        return dir;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String material() {
        return material;
    }

    public String operator() {
        return operator;
    }

    /** The hot-folder file this batch took ({@code <name>:<size>}), or null for a batch of another origin. */
    public String source() {
        return source;
    }

    public Path originals() {
        return dir.resolve("originals");
    }

    public Path output() {
        return dir.resolve("out");
    }

    /**
     * Keeps one page or file: returns only once it is on the disk. Names are numbered in arrival order, so the
     * stack's order survives.
     */
    @Override
    public void keep(String name, InputStream content) throws IOException {
        accept(name, content);
    }

    public synchronized Path accept(String name, InputStream content) throws IOException {
        if (state() != Spool.State.CAPTURING) {
            throw new IllegalStateException("batch " + id + " is " + state() + " and takes no more pages");
        }
        int n;
        try (Stream<Path> files = Files.list(originals())) {
            n = (int) files.filter(f -> !f.getFileName().toString().startsWith("."))
                            .count()
                    + 1;
        }
        String safe = name.replaceAll("[/\\\\\\x00-\\x1f]", "_");
        Path target = originals().resolve(String.format("%04d-%s", n, safe));
        Durable.write(target, content);
        return target;
    }

    /** The clerk's turn for an original, in degrees counter-clockwise (0 when none). */
    public int turn(Path original) throws IOException {
        return Integer.parseInt(edits().getProperty("turn." + original.getFileName(), "0"));
    }

    /** Quality control: turn every page of an original before processing; the batch is processed again. */
    public synchronized void turn(Path original, int degrees) throws IOException {
        editable();
        if (degrees % 90 != 0) {
            throw new IllegalArgumentException("turn by 90, 180 or 270 degrees");
        }
        Properties e = edits();
        int total = ((turn(original) + degrees) % 360 + 360) % 360;
        e.setProperty("turn." + original.getFileName(), Integer.toString(total));
        saveEdits(e);
        requeue();
    }

    /**
     * Quality control: the clerk deletes a page (a mis-feed, a page of another case). It leaves the batch but is kept
     * aside in {@code discarded/} until the batch is done, not destroyed.
     */
    public synchronized void discard(Path original) throws IOException {
        editable();
        Path aside = Files.createDirectories(dir.resolve("discarded"));
        Files.move(original, aside.resolve(original.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Durable.syncFolder(originals());
        requeue();
    }

    /** Quality control: puts the originals in a new order (every current original once). */
    public synchronized void reorder(List<Path> order) throws IOException {
        editable();
        List<Path> current = originalFiles();
        if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
            throw new IllegalArgumentException("name every page of the batch once");
        }
        Properties e = edits();
        Properties moved = new Properties();
        List<Path> staged = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Path f = order.get(i);
            Path tmp = originals().resolve(".reorder-" + i);
            Files.move(f, tmp, StandardCopyOption.ATOMIC_MOVE);
            staged.add(tmp);
        }
        for (int i = 0; i < staged.size(); i++) {
            String name = order.get(i).getFileName().toString().replaceFirst("^\\d{4}-", "");
            Path target = originals().resolve(String.format("%04d-%s", i + 1, name));
            Files.move(staged.get(i), target, StandardCopyOption.ATOMIC_MOVE);
            String turn = e.getProperty("turn." + order.get(i).getFileName());
            if (turn != null) {
                moved.setProperty("turn." + target.getFileName(), turn);
            }
        }
        Durable.syncFolder(originals());
        saveEdits(moved);
        requeue();
    }

    /**
     * A batch scanned before its case was opened (the counter read the applicant from it) now belongs to that case:
     * it is processed again, so that its PDF/A names the case, and comes back to review.
     */
    public synchronized void assign(String caseNumber, String material) throws IOException {
        editable();
        // read again: this object may be older than the file (another request may have given it a case)
        Properties p = Durable.properties(dir.resolve(Spool.PROPERTIES));
        if (p.getProperty("case") != null) {
            throw new IllegalStateException("batch " + id + " already belongs to case " + p.getProperty("case"));
        }
        p.setProperty("case", caseNumber);
        if (material != null) {
            p.setProperty("material", material);
        }
        Durable.write(dir.resolve(Spool.PROPERTIES), p, Spool.COMMENT);
        requeue();
    }

    /** Rescan: the batch takes pages again (appended after the ones it has). */
    public synchronized void reopen() throws IOException {
        editable();
        state(Spool.State.CAPTURING);
    }

    /** The clerk approves what quality control showed: the batch may go to the server. */
    public synchronized void approve() throws IOException {
        if (state() != Spool.State.REVIEW) {
            throw new IllegalStateException("batch " + id + " is " + state() + "; only a batch in review is approved");
        }
        if (caseNumber == null) {
            throw new IllegalStateException("batch " + id + " belongs to no case yet: open the case, then send it");
        }
        state(Spool.State.PROCESSED);
    }

    private void editable() {
        Spool.State s = state();
        if (s != Spool.State.CAPTURING
                && s != Spool.State.QUEUED
                && s != Spool.State.REVIEW
                && s != Spool.State.FAILED) {
            throw new IllegalStateException("batch " + id + " is " + s + " and can no longer be changed");
        }
    }

    private void requeue() throws IOException {
        if (state() != Spool.State.CAPTURING) {
            Files.deleteIfExists(dir.resolve("error.json"));
            state(Spool.State.QUEUED);
        }
    }

    private Properties edits() throws IOException {
        return Durable.properties(dir.resolve("edits.properties"));
    }

    private void saveEdits(Properties p) throws IOException {
        Durable.write(dir.resolve("edits.properties"), p, "quality-control edits");
    }

    /** The clerk has finished scanning: the batch goes to processing. */
    public void close() throws IOException {
        if (state() == Spool.State.CAPTURING) {
            state(Spool.State.QUEUED);
        }
    }

    public List<Path> originalFiles() throws IOException {
        try (Stream<Path> files = Files.list(originals())) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** The batch's state; DONE once its folder is gone (removed after the server confirmed everything). */
    public Spool.State state() {
        try {
            if (Files.notExists(dir)) {
                return Spool.State.DONE;
            }
            return Spool.State.valueOf(Files.readString(dir.resolve("state")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void state(Spool.State next) throws IOException {
        Durable.write(dir.resolve("state"), next.name());
    }

    /** Files the server has confirmed (by digest): they are not sent again after a restart. */
    List<String> confirmed() throws IOException {
        Path log = dir.resolve("uploaded.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    void confirm(String sha256AndName) throws IOException {
        Durable.append(dir.resolve("uploaded.log"), sha256AndName);
    }

    void fail(String code, String message) throws IOException {
        Durable.write(
                dir.resolve("error.json"),
                Json.createObjectBuilder()
                        .add("code", code)
                        .add("message", message)
                        .build()
                        .toString());
        state(Spool.State.FAILED);
    }

    /** Removes the batch's folder: only after every file is confirmed by the server. */
    void remove() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
