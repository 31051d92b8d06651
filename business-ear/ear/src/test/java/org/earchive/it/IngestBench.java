package org.earchive.it;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.OcrEngine;

/**
 * {@code ./earchive bench ingest [clients] [seconds] [session|basic]}: concurrent counter clients against a running
 * server, each signed in once like the counter page (or with Basic credentials on every request, like an API client),
 * each in a loop: open an ENROLL case, upload 5 processed pages (300 dpi bitonal PDF/A with a text layer, as the station sends
 * them, each unique), submit. Prints sustained cases/s and the latency of cases and of single requests.
 */
public final class IngestBench {
    static final String[] MATERIALS = {"APPLICATION_FORM", "ID_CARD", "LABOUR_CONTRACT", "APPLICATION_FORM", "ID_CARD"};

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        // "session": each client signs in once, as the counter page does, and sends its session cookie;
        // "basic": HTTP Basic credentials with every request, as an API client or script does
        String auth = args.length > 2 ? args[2] : "session";
        if (!auth.equals("session") && !auth.equals("basic")) {
            throw new IllegalArgumentException("sign-in mode is session or basic, not " + auth);
        }
        boolean session = auth.equals("session");
        // A counter's server runs all day: the first half minute (JIT compilation of Payara and the application, the
        // first pages) is not measured; with 10 s the compiler's own CPU was still in the measured minute.
        int warmup = Integer.getInteger("earchive.bench.warmup", 30);
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pages.add(page(i));
        }
        System.out.printf(
                "ingest bench: %d clients for %d s (after %d s warm-up) against %s, %s; pages of %d–%d KB%n",
                clients,
                seconds,
                warmup,
                Api.BASE,
                session
                        ? "each signed in once (session cookie, as the counter page)"
                        : "Basic credentials on every request",
                pages.stream().mapToInt(p -> p.length).min().getAsInt() / 1024,
                pages.stream().mapToInt(p -> p.length).max().getAsInt() / 1024);
        Api basic = Api.as("clerk");
        ConcurrentLinkedQueue<Long> caseNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> requestNanos = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        // The server's CPU over the measured window, read from /proc: client and server share the machine, and CPU time
        // per case tells the server's own work apart from the share of the cores it happened to get.
        long serverPid = Long.getLong("earchive.server.pid", -1);
        long[] serverCpu = new long[2];
        Thread cpuProbe = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                serverCpu[0] = cpuTicks(serverPid);
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                serverCpu[1] = cpuTicks(serverPid);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cpuProbe.setDaemon(true);
        cpuProbe.start();
        CountDownLatch done = new CountDownLatch(clients);
        AtomicInteger measuredCases = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                Random random = new Random(client);
                try {
                    Api clerk = session ? Api.signedIn("clerk") : basic;
                    while (System.nanoTime() < end) {
                        long caseStart = System.nanoTime();
                        boolean measured = caseStart >= measureFrom;
                        List<Long> times = new ArrayList<>(7);
                        try {
                            long s = System.nanoTime();
                            Api.Response opened = clerk.post(
                                    "/api/cases",
                                    "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + Cases.CITIZEN_ID
                                            + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}");
                            times.add(System.nanoTime() - s);
                            if (opened.status() != 201) {
                                throw new IOException("open: " + opened.status() + " " + opened.body());
                            }
                            String caseNumber = opened.json().getString("caseNumber");
                            for (int p = 0; p < 5; p++) {
                                byte[] pdf = unique(pages.get(random.nextInt(pages.size())));
                                s = System.nanoTime();
                                Api.Response up = clerk.upload(
                                        caseNumber, MATERIALS[p], "page-" + p + ".pdf", "application/pdf", pdf, true);
                                times.add(System.nanoTime() - s);
                                if (up.status() != 201) {
                                    throw new IOException("upload: " + up.status() + " " + up.body());
                                }
                                bytes.addAndGet(pdf.length);
                            }
                            s = System.nanoTime();
                            Api.Response submitted = clerk.post("/api/cases/" + caseNumber + "/submit", "{}");
                            times.add(System.nanoTime() - s);
                            if (submitted.status() != 200) {
                                throw new IOException("submit: " + submitted.status() + " " + submitted.body());
                            }
                            long finished = System.nanoTime();
                            if (measured && finished <= end) {
                                caseNanos.add(finished - caseStart);
                                requestNanos.addAll(times);
                                measuredCases.incrementAndGet();
                            }
                        } catch (IOException e) {
                            if (failures.incrementAndGet() <= 5) {
                                System.out.println("failure: " + e.getMessage());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    failures.incrementAndGet();
                    System.out.println("sign-in failed: " + e.getMessage());
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        long[] cases = caseNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] requests =
                requestNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "cases: %,d in %d s = %.1f cases/s (%.0f pages/s, %.1f MB/s uploaded), failures %d%n",
                measuredCases.get(),
                seconds,
                measuredCases.get() / (double) seconds,
                measuredCases.get() * 5.0 / seconds,
                bytes.get() / 1e6 / ((System.nanoTime() - start) / 1e9),
                failures.get());
        if (cases.length > 0) {
            System.out.printf(
                    "case latency (open + 5 uploads + submit): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    pct(cases, 0.5), pct(cases, 0.99), cases[cases.length - 1] / 1e6);
            System.out.printf(
                    "request latency: p50 %.0f ms, p99 %.0f ms over %,d requests%n",
                    pct(requests, 0.5), pct(requests, 0.99), requests.length);
        }
        cpuProbe.join();
        if (serverCpu[0] > 0 && serverCpu[1] > serverCpu[0] && measuredCases.get() > 0) {
            double cpuSeconds = (serverCpu[1] - serverCpu[0]) / 100.0; // USER_HZ
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(
                    "server CPU: %.1f s in the measured %d s (%.0f%% of %d cores), %.1f ms per case%n",
                    cpuSeconds,
                    seconds,
                    100 * cpuSeconds / seconds / cores,
                    cores,
                    1000 * cpuSeconds / measuredCases.get());
        }
        System.out.println("target (issue 5, whole city's peak on this 2-core machine): >= 35 cases/s with p99 < 1 s");
    }

    /** utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15); 0 if unknown. */
    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The same page made unique, as every scan is: a comment after the end of the file, which readers ignore. */
    static byte[] unique(byte[] pdf) {
        byte[] tail = ("%" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(pdf, pdf.length + tail.length);
        System.arraycopy(tail, 0, out, pdf.length, tail.length);
        return out;
    }

    /** An A4 page at 300 dpi with lines of Chinese text, bitonal, with its words in the text layer. */
    static byte[] page(int seed) throws IOException {
        int w = 2480;
        int h = 3508;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, 44));
        Random r = new Random(seed);
        String[] words = {
            "参保登记",
            "申请表",
            "单位名称",
            "统一社会信用代码",
            "姓名",
            "身份证号码",
            "联系电话",
            "缴费基数",
            "劳动合同",
            "起止日期",
            "经办人",
            "签字",
            "盖章",
            "年",
            "月",
            "日",
            "社会保险",
            "本人承诺",
            "所填信息",
            "真实有效"
        };
        List<OcrEngine.Word> layer = new ArrayList<>();
        for (int y = 300; y < h - 300; y += 90) {
            int x = 250;
            while (x < w - 600) {
                String word = words[r.nextInt(words.length)];
                g.drawString(word, x, y);
                int width = g.getFontMetrics().stringWidth(word);
                layer.add(new OcrEngine.Word(word, x, y - 44, x + width, y + 8, 90f));
                x += width + 40;
            }
        }
        g.dispose();
        byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return Samples.pdfa(new PageRaster(w, h, 1, grey, 300, 300), layer, "page " + seed);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }
}
