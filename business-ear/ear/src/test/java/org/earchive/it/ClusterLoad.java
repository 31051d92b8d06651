package org.earchive.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

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

    final AtomicInteger signedOut = new AtomicInteger();
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

    private void counter(int client, long endNanos, ConcurrentLinkedQueue<Done> done) {
        Random random = new Random(client);
        Api clerk = null;
        while (System.nanoTime() < endNanos) {
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
