package org.earchive.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The disk of the server's object store filled up ({@code ./earchive bench faults} mounts a small tmpfs on the store's
 * folder when it runs as root): a clerk's upload is answered {@code 507 DISK_FULL} with nothing half-written, the
 * station keeps its pages spooled and retries; once room is made (the ballast removed) the same upload is taken and
 * the station drains, without a restart.
 */
final class DiskFull {
    /** A station's {@code capture watch --once} process for a trial's folder. */
    interface Station {
        ProcessBuilder watch(Path dir, String caseNumber, String fault);
    }

    static final String POINT = "outage.disk-full";

    private final Path objects;
    private final Path work;
    private final Station station;

    DiskFull(Path serverHome, Path work, Station station) {
        this.objects = serverHome.resolve("objects");
        this.work = work;
        this.station = station;
    }

    /** Whether the store's folder is a file system of its own that a ballast can fill. */
    boolean mounted() throws IOException {
        FileStore store = Files.getFileStore(objects);
        return store.type().equals("tmpfs") && !store.equals(Files.getFileStore(objects.getParent()));
    }

    /** One trial: 1 if the disk was full and the clerk was told so; adds lost and duplicated pages and problems. */
    int trial(int i, List<byte[]> pages, int[] counts, List<String> problems) throws Exception {
        String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
        byte[] pdf = Samples.pdf("disk full " + i);
        String key = "disk-full-" + UUID.randomUUID();
        Path dir = Files.createDirectories(work.resolve(POINT + "-" + i));
        Path hot = Files.createDirectories(dir.resolve("hot"));
        Path ballast = objects.resolve("ballast");
        fill(ballast);
        int told = 0;
        Process watch = null;
        try {
            Api.Response r = Api.as("clerk").uploadOnce(caseNumber, "ID_CARD", "id.pdf", pdf, key);
            if (r.status() == 507 && r.body().contains("DISK_FULL")) {
                told = 1;
            } else {
                problems.add(POINT + " trial " + i + ": a full disk was answered " + r.status() + " " + r.body());
            }
            for (int n = 0; n < pages.size(); n++) {
                Files.write(hot.resolve("page-" + (n + 1) + ".tif"), pages.get(n));
            }
            watch = station.watch(dir, caseNumber, null).start();
            Path log = dir.resolve("watch.log");
            long until = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < until
                    && !(Files.exists(log) && Files.readString(log).contains("waiting for the server"))) {
                Thread.sleep(500);
            }
            if (!Files.readString(log).contains("waiting for the server")) {
                problems.add(POINT + " trial " + i + ": the station did not keep its pages for later: "
                        + Files.readString(log).strip());
            }
            if (!documents(caseNumber).isEmpty()) {
                problems.add(POINT + " trial " + i + ": the case has documents while the disk is full");
            }
        } finally {
            Files.deleteIfExists(ballast); // room made: the service goes on by itself
        }
        Api.Response again = Api.as("clerk").uploadOnce(caseNumber, "ID_CARD", "id.pdf", pdf, key);
        if (again.status() != 201) {
            problems.add(POINT + " trial " + i + ": with room again the upload was answered " + again.status() + " "
                    + again.body());
        }
        if (watch != null && (!watch.waitFor(4, TimeUnit.MINUTES) || watch.exitValue() != 0)) {
            watch.destroyForcibly();
            problems.add(POINT + " trial " + i + ": the station did not drain once room was made: "
                    + Files.readString(dir.resolve("watch.log")).strip());
        }
        List<JsonObject> docs = documents(caseNumber);
        long ids = docs.stream()
                .filter(d -> d.getString("material").equals("ID_CARD"))
                .count();
        long originals = docs.stream()
                .filter(d -> d.getString("material").equals("APPLICATION_FORM"))
                .filter(d -> d.getString("role").equals("ORIGINAL"))
                .map(d -> d.getString("sha256"))
                .distinct()
                .count();
        long scanned = docs.stream()
                .filter(d -> d.getString("material").equals("APPLICATION_FORM"))
                .filter(d -> d.getString("role").equals("ORIGINAL"))
                .count();
        counts[0] += (int) (Math.max(0, 1 - ids) + Math.max(0, pages.size() - originals));
        counts[1] += (int) (Math.max(0, ids - 1) + (scanned - originals));
        return told;
    }

    /** Writes zeros until the file system says it has no space left. */
    private static void fill(Path ballast) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private static List<JsonObject> documents(String caseNumber) throws Exception {
        return Api.as("clerk")
                .get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("documents")
                .getValuesAs(JsonObject.class);
    }
}
