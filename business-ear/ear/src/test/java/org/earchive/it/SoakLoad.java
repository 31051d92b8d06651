package org.earchive.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agency's traffic for the soak, paced, through the load balancer: counter clerks open a case, upload three pages
 * and submit, one case every {@code 1/rate} seconds between them; the back office approves each submitted case a few
 * seconds later (archiving it); an archivist searches for an archived applicant and opens a record's file every two
 * seconds. A request that fails is sent again a second later (an upload with the same {@code Idempotency-Key}) for up
 * to two minutes — the clerk waits out an outage, as the station does; every failed answer is counted by its code.
 */
final class SoakLoad {

    /** Acknowledged cases and uploads, as {@link ClusterLoad#stored} counts them against the database. */
    final ClusterLoad ledger;

    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    /** Answers no outage explains (a 5xx other than 503), each with its request and body: the incident to look up. */
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedQueue<Long> caseNanos = new ConcurrentLinkedQueue<>();
    final AtomicInteger decided = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger abandoned = new AtomicInteger();
    /** Approved cases with their applicant, for the archivist. */
    final List<String[]> approved = new ArrayList<>();

    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    private final LinkedBlockingQueue<String[]> submitted = new LinkedBlockingQueue<>();

    SoakLoad(double casesPerSecond) {
        this.intervalNanos = (long) (1e9 / casesPerSecond);
        this.ledger = new ClusterLoad(Api.BASE, System.nanoTime(), List.of());
    }

    /** Runs the clerks, the reviewer and the archivist until {@code end}; returns when all have stopped. */
    void run(int clerks, long end) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clerks; c++) {
            threads.add(new Thread(() -> clerk(end), "soak-clerk-" + c));
        }
        threads.add(new Thread(() -> reviewer(end), "soak-reviewer"));
        threads.add(new Thread(() -> archivist(end), "soak-archivist"));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    private void clerk(long end) {
        Api clerk = Api.as("clerk");
        while (true) {
            long slot = nextSlot.getAndAdd(intervalNanos);
            if (slot >= end) {
                return;
            }
            sleepUntil(slot);
            long started = System.nanoTime();
            String person = Cases.newPerson();
            Api.Response opened = send(() -> clerk.post(
                    "/api/cases",
                    "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + person
                            + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}"));
            if (opened == null) {
                continue;
            }
            String caseNumber = opened.json().getString("caseNumber");
            boolean complete = true;
            for (int p = 0; p < ClusterLoad.PAGES && complete; p++) {
                // a PDF/A of its own per page (the ingest bench's pages made unique by bytes after %%EOF would fail
                // the four-property check at archiving, rightly)
                byte[] pdf = Samples.pdf("soak " + caseNumber + " " + p);
                String material = IngestBench.MATERIALS[p];
                String key = UUID.randomUUID().toString();
                int page = p;
                complete =
                        send(() -> clerk.uploadOnce(caseNumber, material, "page-" + page + ".pdf", pdf, key)) != null;
                if (complete) {
                    ledger.uploads.merge(caseNumber, 1, Integer::sum);
                }
            }
            Api.Response done = complete ? send(() -> clerk.post("/api/cases/" + caseNumber + "/submit", "{}")) : null;
            if (done != null) {
                long finished = System.nanoTime();
                caseNanos.add(finished - started);
                synchronized (ledger.acknowledged) {
                    ledger.acknowledged.add(new ClusterLoad.Done(caseNumber, 0, finished - started));
                }
                submitted.add(new String[] {caseNumber, done.json().getString("assignedTo"), person});
            }
        }
    }

    private void reviewer(long end) {
        while (System.nanoTime() < end || !submitted.isEmpty()) {
            String[] next;
            try {
                next = submitted.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            Api reviewer = Api.as(next[1]);
            // a decision whose answer was lost (the instance killed) and that was sent again is refused as already
            // taken (409): the reviewer's screen then shows the case approved, and so does this
            if (send(() -> reviewer.post(
                                    "/api/tasks/" + next[0] + "/decision",
                                    "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\"}"))
                            != null
                    || decidedAlready(next[0])) {
                decided.incrementAndGet();
                synchronized (approved) {
                    approved.add(new String[] {next[0], next[2]});
                }
            }
        }
    }

    private boolean decidedAlready(String caseNumber) {
        Api.Response c = send(() -> Api.as("clerk").get("/api/cases/" + caseNumber));
        return c != null && List.of("APPROVED", "ARCHIVED").contains(c.json().getString("status"));
    }

    private void archivist(long end) {
        Api archivist = Api.as("archivist");
        Random random = new Random(7);
        while (System.nanoTime() < end) {
            sleepUntil(System.nanoTime() + 2_000_000_000L);
            String[] one;
            synchronized (approved) {
                if (approved.isEmpty()) {
                    continue;
                }
                one = approved.get(random.nextInt(approved.size()));
            }
            Api.Response found = send(() -> archivist.get("/api/archive/search?citizenId=" + one[1]));
            Api.Response dossier = send(() -> archivist.get("/api/archive/dossiers/" + one[0]));
            if (found != null && dossier != null) {
                List<JsonObject> records = dossier.jsonArray().getValuesAs(JsonObject.class);
                if (!records.isEmpty()) {
                    long id = records.get(0).getJsonNumber("documentId").longValue();
                    if (send(() -> archivist.get("/api/documents/" + id + "/content")) != null) {
                        reads.incrementAndGet();
                    }
                }
            }
        }
    }

    interface Call {
        Api.Response call() throws IOException, InterruptedException;
    }

    /** The answer if it succeeded within two minutes of retries; failed answers counted by code. */
    private Api.Response send(Call call) {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Api.Response r = call.call();
                if (r.status() / 100 == 2) {
                    return r;
                }
                errors.computeIfAbsent(ClusterOutages.outcome(r), k -> new AtomicInteger())
                        .incrementAndGet();
                if (r.status() >= 500 && r.status() != 503) {
                    unexpected.add(String.format(
                            "%s %s → %d %s",
                            r.raw().request().method(), r.raw().request().uri().getPath(), r.status(), r.body()));
                }
                if (r.status() < 500) {
                    return null; // refused for a reason a retry does not change
                }
            } catch (IOException e) {
                errors.computeIfAbsent("connection", k -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            sleepUntil(System.nanoTime() + 1_000_000_000L);
        }
        abandoned.incrementAndGet();
        return null;
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
