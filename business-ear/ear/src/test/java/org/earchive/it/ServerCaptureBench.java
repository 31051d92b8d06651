package org.earchive.it;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.earchive.capture.testing.FormScans;

/**
 * {@code ./earchive bench server-capture [pages] [queued]}: uploads that are not archive-ready (phone photos of forms,
 * 300 dpi grey scans) sent through the REST API to a running server, made into PDF/A by capture workers (the station's
 * pipeline, processes of their own): pages/s with one worker and with two, the upload's answer time, upload → ready,
 * the workers' CPU per page against the station's pipeline on the same files (the command line, one process), and the
 * server's heap with {@code queued} pages waiting.
 */
public final class ServerCaptureBench {
    private final String classpath = System.getProperty("earchive.capture.cp");
    private final long serverPid = Long.getLong("earchive.server.pid", -1);
    private final Path work;

    private ServerCaptureBench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int queued = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ServerCaptureBench bench = new ServerCaptureBench(Files.createTempDirectory("server-capture-bench"));
        System.out.printf(
                "server-capture bench: %d pages per round (half phone photos, half 300 dpi grey scans) against %s,"
                        + " %d cores%n",
                pages, Api.BASE, Runtime.getRuntime().availableProcessors());
        List<Path> files = bench.files(pages, 1000);
        bench.warmUp(files);
        double[] station = bench.station(files);
        System.out.printf(
                "  station pipeline (capture process, 1 worker, same files): %.2f pages/s, %.2f CPU s/page%n",
                station[0], station[1]);
        double[] one = bench.round(bench.files(pages, 2000), 1);
        double[] two = bench.round(bench.files(pages, 3000), 2);
        System.out.printf(
                "  CPU per page, workers against the station: %.2f / %.2f s = %.2f (1 worker), %.2f (2 workers)%n",
                one[1], station[1], one[1] / station[1], two[1] / station[1]);
        System.out.printf("  pages/s, 2 workers against 1: %.2f / %.2f = %.2f×%n", two[0], one[0], two[0] / one[0]);
        bench.heap(queued);
    }

    /** Generated forms, each distinct: even ones photographed (JPEG), odd ones scanned (grey TIFF, 300 dpi). */
    private List<Path> files(int n, long seed) throws IOException {
        List<Path> files = new ArrayList<>();
        Path dir = Files.createDirectories(work.resolve("in-" + seed));
        for (int i = 0; i < n; i++) {
            BufferedImage form = FormScans.form(seed + i, i % 4 == 1).image();
            if (i % 2 == 0) {
                Path f = dir.resolve(String.format("photo-%03d.jpg", i));
                try {
                    Files.write(f, CaptureIT.jpeg(FormScans.photographed(form)));
                } catch (Exception e) {
                    throw new IOException(e);
                }
                files.add(f);
            } else {
                files.add(FormScans.tiff(
                        dir.resolve(String.format("scan-%03d.tif", i)), List.of(FormScans.grey(form)), 300));
            }
        }
        return files;
    }

    /**
     * A fresh server's first uploads are slow (class loading, the JIT): the files are sent once as declared originals
     * (no capture job), so the rounds measure a warm server as the counter meets it all day.
     */
    private void warmUp(List<Path> files) throws Exception {
        Api clerk = Api.signedIn("clerk");
        String caseNumber = Cases.open(clerk, "ENROLL");
        for (int round = 0; round < 2; round++) {
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                bytes = Arrays.copyOf(bytes, bytes.length + 8); // distinct from the rounds' files
                System.arraycopy(String.format("%08d", round).getBytes(), 0, bytes, bytes.length - 8, 8);
                clerk.uploadOriginal(
                        caseNumber,
                        "ID_CARD",
                        f.getFileName().toString(),
                        f.toString().endsWith(".jpg") ? "image/jpeg" : "image/tiff",
                        bytes);
            }
        }
    }

    /** The station's pipeline on the files, one process with one worker: pages/s and CPU s/page. */
    private double[] station(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Xmx1g",
                "-cp",
                classpath,
                "org.earchive.capture.interfaces.cli.CaptureCommand",
                "process",
                "--workers",
                "1",
                "--out",
                work.resolve("station-out").toString(),
                "--in"));
        files.forEach(f -> command.add(f.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("station.log").toFile())
                .start();
        long cpu = 0;
        while (p.isAlive()) {
            cpu = Math.max(cpu, IngestBench.cpuTicks(p.pid()));
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {files.size() / seconds, cpu / 100.0 / files.size()};
    }

    /** One round: {@code workers} worker processes, the files uploaded by 4 clients while they run. */
    private double[] round(List<Path> files, int workers) throws Exception {
        List<Process> procs = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            ProcessBuilder pb = new ProcessBuilder(
                            "java",
                            "-Xmx1g",
                            "-cp",
                            classpath,
                            "org.earchive.capture.interfaces.cli.CaptureCommand",
                            "worker",
                            "--threads",
                            "1",
                            "--name",
                            "bench-" + workers + "-" + i)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            work.resolve("worker-" + workers + "-" + i + ".log").toFile());
            pb.environment().put("EARCHIVE_SERVER_URL", Api.BASE);
            pb.environment().put("EARCHIVE_STATION_PASSWORD", Api.PASSWORD);
            pb.environment()
                    .put(
                            "EARCHIVE_STATION_HOME",
                            work.resolve("worker-home-" + i).toString());
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            procs.add(pb.start());
        }
        Thread.sleep(8000); // the workers' JVMs, OpenCV and the OCR model loaded: not the uploads' waiting time
        long[] cpuBefore =
                procs.stream().mapToLong(p -> IngestBench.cpuTicks(p.pid())).toArray();
        Api clerk = Api.signedIn("clerk");
        Map<Long, String> caseOf = new ConcurrentHashMap<>();
        Map<Long, Long> uploadedAt = new ConcurrentHashMap<>();
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < files.size(); c += 4) {
            List<Path> batch = files.subList(c, Math.min(files.size(), c + 4));
            sent.add(clients.submit(() -> {
                String caseNumber = Cases.open(clerk, "ENROLL");
                for (Path f : batch) {
                    boolean jpeg = f.toString().endsWith(".jpg");
                    long s = System.nanoTime();
                    Api.Response r = clerk.upload(
                            caseNumber,
                            "APPLICATION_FORM",
                            f.getFileName().toString(),
                            jpeg ? "image/jpeg" : "image/tiff",
                            Files.readAllBytes(f),
                            true);
                    long t = System.nanoTime();
                    if (r.status() != 201) {
                        throw new IOException("upload: " + r.status() + " " + r.body());
                    }
                    answers.add(t - s);
                    long id = r.json().getJsonNumber("id").longValue();
                    caseOf.put(id, caseNumber);
                    uploadedAt.put(id, t);
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        clients.shutdown();
        Map<Long, Long> readyAfter = new HashMap<>();
        int failed = 0;
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (readyAfter.size() + failed < uploadedAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            failed = 0;
            for (String caseNumber : caseOf.values().stream().distinct().toList()) {
                for (JsonObject d : clerk.get("/api/cases/" + caseNumber)
                        .json()
                        .getJsonArray("documents")
                        .getValuesAs(JsonObject.class)) {
                    long id = d.getJsonNumber("id").longValue();
                    JsonObject capture = d.getJsonObject("capture");
                    if (capture == null || !uploadedAt.containsKey(id)) {
                        continue;
                    }
                    if (capture.getString("state").equals("DONE")) {
                        readyAfter.putIfAbsent(id, System.nanoTime() - uploadedAt.get(id));
                    } else if (capture.getString("state").equals("FAILED")) {
                        failed++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = 0;
        for (int i = 0; i < procs.size(); i++) {
            cpu += IngestBench.cpuTicks(procs.get(i).pid()) - cpuBefore[i];
            procs.get(i).destroy();
        }
        for (Process p : procs) {
            p.waitFor();
        }
        long[] up = answers.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] ready =
                readyAfter.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double rate = readyAfter.size() / seconds;
        double cpuPerPage = cpu / 100.0 / Math.max(1, readyAfter.size());
        System.out.printf(
                "  %d worker(s): %d pages ready, %d failed in %.1f s = %.2f pages/s; upload answer p50 %.0f ms, p99 %.0f"
                        + " ms; upload → ready p50 %.1f s, p99 %.1f s; workers' CPU %.2f s/page%n",
                workers,
                readyAfter.size(),
                failed,
                seconds,
                rate,
                IngestBench.pct(up, 0.5),
                IngestBench.pct(up, 0.99),
                IngestBench.pct(ready, 0.5) / 1000,
                IngestBench.pct(ready, 0.99) / 1000,
                cpuPerPage);
        return new double[] {rate, cpuPerPage};
    }

    /** The server's heap (after a full collection) before and after {@code n} pages are queued with no worker. */
    private void heap(int n) throws Exception {
        if (serverPid <= 0) {
            System.out.println("  heap: the server's pid was not given (earchive.server.pid)");
            return;
        }
        byte[] photo = CaptureIT.jpeg(
                FormScans.photographed(FormScans.form(4242, false).image()));
        long before = heapUsedMb();
        Api clerk = Api.signedIn("clerk");
        String caseNumber = Cases.open(clerk, "ENROLL");
        for (int i = 0; i < n; i++) {
            byte[] unique = Arrays.copyOf(photo, photo.length + 16); // bytes after the JPEG's end: a distinct file
            System.arraycopy(String.format("%016d", i).getBytes(), 0, unique, photo.length, 16);
            Api.Response r = clerk.upload(caseNumber, "ID_CARD", "photo-" + i + ".jpg", "image/jpeg", unique, true);
            if (r.status() != 201) {
                throw new IOException("upload: " + r.status() + " " + r.body());
            }
        }
        JsonObject queue = Api.as("manager").get("/api/capture/queue").json();
        long after = heapUsedMb();
        System.out.printf(
                "  server heap after a full GC: %d MB before, %d MB with %d pages queued (queue: %s)%n",
                before, after, n, queue);
    }

    private long heapUsedMb() throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.run").start().waitFor();
        Process p = new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }
}
