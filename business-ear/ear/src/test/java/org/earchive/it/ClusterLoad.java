package org.earchive.it;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counter's traffic through the cluster's load balancer while an instance dies: each client signs in once (as the
 * counter page), then opens a case, uploads pages and submits, in a loop. A request that fails is sent again (an upload
 * with the same {@code Idempotency-Key}, as the station does), up to 5 times, 1 s apart; a case is acknowledged when
 * its submission answered 200. What the clients saw is kept for the checks against the database.
 */
final class ClusterLoad {
    static final int PAGES = 3;

    /** A request that failed: when (ms since the start) and how. */
    record Failure(long atMillis, String what) {}

    /** A case the counter finished: when (ms since the start) and how long it took. */
    record Done(String caseNumber, long atMillis, long nanos) {}

    final List<Done> acknowledged = new ArrayList<>();
    final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    /** Acknowledged uploads per case number (each logical upload counted once, however often it was sent). */
    final Map<String, Integer> uploads = new ConcurrentHashMap<>();

    /** When (ms since the start) each successful request answered. */
    final ConcurrentLinkedQueue<Long> writes = new ConcurrentLinkedQueue<>();

    final AtomicInteger signedOut = new AtomicInteger();
    /** Requests that still failed after 5 attempts (their case abandoned). */
    final AtomicInteger abandoned = new AtomicInteger();

    private final String base;
    private final long start;
    private final List<byte[]> pages;

    /** Clients of {@code base}; times counted from {@code start}; {@code pages}: processed pages, made unique per upload. */
    ClusterLoad(String base, long start, List<byte[]> pages) {
        this.base = base;
        this.start = start;
        this.pages = pages;
    }

    /** Runs {@code clients} counters until {@code endNanos}. */
    void run(int clients, long endNanos) throws InterruptedException {
        run(clients, new AtomicLong(endNanos));
    }

    /** Runs {@code clients} counters until the end, which may be moved while they run. */
    void run(int clients, AtomicLong endNanos) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> counter(client, endNanos, done), "counter-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        acknowledged.addAll(done);
    }

    private void counter(int client, AtomicLong endNanos, ConcurrentLinkedQueue<Done> done) {
        Random random = new Random(client);
        Api clerk = null;
        while (System.nanoTime() < endNanos.get()) {
            try {
                if (clerk == null) {
                    clerk = Api.signedIn(base, "clerk", Api.PASSWORD);
                }
                long caseStart = System.nanoTime();
                String caseNumber = oneCase(clerk, random);
                long finished = System.nanoTime();
                if (caseNumber != null) {
                    done.add(new Done(caseNumber, (finished - start) / 1_000_000, finished - caseStart));
                }
            } catch (SignedOut e) {
                signedOut.incrementAndGet();
                clerk = null; // signs in again, as a clerk sent to the sign-in page would
            } catch (IOException e) {
                failures.add(new Failure(now(), "sign-in: " + e.getMessage()));
                clerk = null;
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One case; its number once submitted, null when a request failed five times (the case is abandoned). */
    private String oneCase(Api clerk, Random random) throws IOException, InterruptedException {
        Api.Response opened = send(
                "open",
                () -> clerk.post(
                        "/api/cases",
                        "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + Cases.newPerson()
                                + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}"));
        if (opened == null) {
            return null;
        }
        String caseNumber = opened.json().getString("caseNumber");
        for (int p = 0; p < PAGES; p++) {
            byte[] pdf = IngestBench.unique(pages.get(random.nextInt(pages.size())));
            String material = IngestBench.MATERIALS[p];
            String key = UUID.randomUUID().toString();
            String name = "page-" + p + ".pdf";
            if (send("upload", () -> clerk.uploadOnce(caseNumber, material, name, pdf, key)) == null) {
                return null;
            }
            uploads.merge(caseNumber, 1, Integer::sum);
        }
        return send("submit", () -> clerk.post("/api/cases/" + caseNumber + "/submit", "{}")) == null
                ? null
                : caseNumber;
    }

    /** What the database holds of the acknowledged cases. */
    record Stored(int acknowledged, long lost, int duplicates, int missingUploads, int uploads) {}

    /**
     * Each acknowledged case in the database, submitted (or further), with exactly its acknowledged uploads: a case
     * missing or still open is lost, an extra document a duplicate, a missing one a lost upload.
     */
    Stored stored(Connection c) throws SQLException {
        List<String> numbers = acknowledged.stream().map(Done::caseNumber).toList();
        Map<String, int[]> db = new HashMap<>(); // case number -> {submitted or later ? 1 : 0, documents}
        try (PreparedStatement s = c.prepareStatement("SELECT c.case_number, c.status,"
                + " (SELECT count(*) FROM case_document d WHERE d.case_id = c.id)"
                + " FROM business_case c WHERE c.case_number = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    db.put(r.getString(1), new int[] {r.getString(2).equals("OPEN") ? 0 : 1, r.getInt(3)});
                }
            }
        }
        long lost = numbers.stream()
                .filter(n -> !db.containsKey(n) || db.get(n)[0] == 0)
                .count();
        int duplicates = 0;
        int missing = 0;
        for (String n : numbers) {
            int acked = uploads.getOrDefault(n, 0);
            int stored = db.containsKey(n) ? db.get(n)[1] : 0;
            duplicates += Math.max(0, stored - acked);
            missing += Math.max(0, acked - stored);
        }
        int total = uploads.values().stream().mapToInt(Integer::intValue).sum();
        return new Stored(numbers.size(), lost, duplicates, missing, total);
    }

    /** The longest time (ms) between two successful requests from {@code fromMs} on. */
    long longestSilence(long fromMs) {
        long[] t = writes.stream()
                .mapToLong(Long::longValue)
                .filter(w -> w >= fromMs)
                .sorted()
                .toArray();
        long longest = 0;
        for (int i = 1; i < t.length; i++) {
            longest = Math.max(longest, t[i] - t[i - 1]);
        }
        return longest;
    }

    interface Call {
        Api.Response call() throws IOException, InterruptedException;
    }

    /** Thrown when the server no longer knows the session (a node's death must not cause it). */
    static final class SignedOut extends IOException {
        SignedOut(String what) {
            super(what);
        }
    }

    /** The answer when it is a success; null after 5 failures. A 401 means the session was lost. */
    private Api.Response send(String what, Call call) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Api.Response r = call.call();
                if (r.status() == 401) {
                    throw new SignedOut(what);
                }
                if (r.status() / 100 == 2) {
                    writes.add(now());
                    return r;
                }
                failures.add(new Failure(now(), what + ": " + r.status() + " " + first(r.body())));
                if (r.status() < 500) {
                    return null; // refused for a reason a retry does not change
                }
            } catch (SignedOut e) {
                throw e;
            } catch (IOException e) {
                failures.add(new Failure(now(), what + ": " + e));
            }
            pause();
        }
        abandoned.incrementAndGet();
        return null;
    }

    private static String first(String body) {
        return body.length() > 120 ? body.substring(0, 120) : body;
    }

    private long now() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
