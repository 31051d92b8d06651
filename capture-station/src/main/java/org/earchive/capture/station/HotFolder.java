package org.earchive.capture.station;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A scanner's "scan to folder" target. A file is taken once it has stopped growing (same size and time on two looks
 * in a row): it is copied into a new batch of the spool — durably — and only then removed from the folder.
 */
public final class HotFolder {
    private static final Logger LOG = Logger.getLogger(HotFolder.class.getName());

    private final Path folder;
    private final Spool spool;
    private final String caseNumber;
    private final String material;
    private final String operator;
    private final Map<Path, String> seen = new HashMap<>();

    public HotFolder(Path folder, Spool spool, String caseNumber, String material, String operator) {
        this.folder = folder;
        this.spool = spool;
        this.caseNumber = caseNumber;
        this.material = material;
        this.operator = operator;
    }

    /** One look at the folder; returns how many files were taken into the spool. */
    public int poll() throws IOException {
        int taken = 0;
        Map<Path, String> now = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                FileTime time = Files.getLastModifiedTime(f);
                String signature = Files.size(f) + "@" + time.toMillis();
                if (signature.equals(seen.get(f))) {
                    take(f);
                    taken++;
                } else {
                    now.put(f, signature);
                }
            }
        }
        seen.clear();
        seen.putAll(now);
        return taken;
    }

    /** Files waiting in the folder (taken at a later look once they stop growing). */
    public int pending() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    /**
     * The spool owns the page from the moment the folder no longer holds it: copied (durably), removed from the folder
     * (durably), and only then queued. A crash in between leaves a batch still capturing, which {@link #recover()}
     * settles: the file still in the folder — the batch goes and the file is taken again; the file gone — the batch is
     * queued. Never both, so a page is neither lost nor sent twice.
     */
    private void take(Path file) throws IOException {
        SpoolBatch batch = spool.open(caseNumber, material, operator, source(file));
        try (InputStream in = Files.newInputStream(file)) {
            batch.accept(file.getFileName().toString(), in);
        }
        Files.delete(file);
        Durable.syncFolder(folder);
        batch.close();
        LOG.info("took " + file.getFileName() + " into batch " + batch.id());
    }

    private static String source(Path file) throws IOException {
        return file.getFileName() + ":" + Files.size(file);
    }

    /** Settles the batches a crash left capturing while they took a file from this folder (see {@link #take}). */
    public int recover() throws IOException {
        int settled = 0;
        for (SpoolBatch batch : spool.batches()) {
            String source = batch.source();
            if (source == null || batch.state() != Spool.State.CAPTURING) {
                continue;
            }
            Path file = folder.resolve(source.substring(0, source.lastIndexOf(':')));
            if (Files.isRegularFile(file) && source(file).equals(source)) {
                batch.remove(); // the folder still holds the page: it is taken again
                LOG.info("batch " + batch.id() + " was interrupted while taking " + file.getFileName()
                        + "; taken again");
            } else {
                batch.close();
                LOG.info("batch " + batch.id() + " took " + source + " before an interruption; queued");
            }
            settled++;
        }
        return settled;
    }
}
