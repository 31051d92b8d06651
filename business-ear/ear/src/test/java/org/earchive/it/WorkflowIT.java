package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of a case from the counter to the archive, through the real server: every business type of the catalogue
 * is accepted, submitted, assigned by the system, decided by another person and archived with gap-free archive
 * numbers and write-once retention; the supplement and rejection loops; four-eyes; concurrent submissions and
 * concurrent archiving.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class WorkflowIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api ARCHIVIST = Api.as("archivist");
    private static final Set<String> REVIEWERS = Set.of("reviewer", "reviewer2", "deputy");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    /** Opens a case and uploads every required material; returns the case number. */
    private static String readyCase(Api clerk, String type) throws Exception {
        String caseNumber = Cases.open(clerk, type);
        Cases.uploadRequired(clerk, caseNumber, type);
        return caseNumber;
    }

    private static JsonObject submit(Api clerk, String caseNumber) throws Exception {
        Api.Response r = clerk.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Api.Response decide(String reviewer, String caseNumber, String decision, String comment)
            throws Exception {
        return Api.as(reviewer)
                .post(
                        "/api/tasks/" + caseNumber + "/decision",
                        "{\"decision\":\"" + decision + "\",\"comment\":\"" + comment + "\"}");
    }

    @Test
    void everyBusinessTypeGoesFromTheCounterToTheArchive() throws Exception {
        for (String type : List.of("ENROLL", "PENSION", "PENSION_BACKPAY", "LUMP_SUM", "BACKPAY", "TRANSFER")) {
            String caseNumber = readyCase(CLERK, type);
            JsonObject submitted = submit(CLERK, caseNumber);
            assertEquals("ASSIGNED", submitted.getString("status"), type);
            String reviewer = submitted.getString("assignedTo");
            assertTrue(REVIEWERS.contains(reviewer), reviewer);

            String inbox = Api.as(reviewer).get("/api/tasks").body();
            assertTrue(inbox.contains(caseNumber), "the case is in " + reviewer + "'s inbox");

            Api.Response approved = decide(reviewer, caseNumber, "APPROVE", "材料齐全，同意办理");
            assertEquals(200, approved.status(), approved.body());
            assertEquals("ARCHIVED", approved.json().getString("status"), type);
            assertTrue(
                    approved.json().getJsonArray("history").size() >= 4,
                    "accepted, submitted, assigned, approved, archived");

            JsonArray dossier =
                    ARCHIVIST.get("/api/archive/dossiers/" + caseNumber).jsonArray();
            int documents = CLERK.get("/api/cases/" + caseNumber)
                    .json()
                    .getJsonArray("documents")
                    .size();
            assertEquals(documents, dossier.size(), "one record per document (一事一档)");
            for (JsonValue v : dossier) {
                JsonObject record = v.asJsonObject();
                String number = record.getString("archiveNumber");
                assertTrue(number.matches("F001-\\d{4}-[A-Z]+-(Y|D10|D30|D50|D100)-\\d{6}"), number);
                JsonObject byNumber =
                        ARCHIVIST.get("/api/archive/records/" + number).json();
                assertEquals(record.getString("sha256"), byNumber.getString("sha256"));
                Path meta = ThinPathIT.Env.objectFile(record.getString("sha256"))
                        .resolveSibling(record.getString("sha256") + ".meta");
                assertTrue(Files.readString(meta).contains("retainUntil"), "the object is under write-once retention");
            }
        }
        String person =
                ARCHIVIST.get("/api/archive/persons/" + Cases.CITIZEN_ID).body();
        assertTrue(
                person.contains("\"TRANSFER\"") && person.contains("\"ENROLL\""), "一人一档: all of the person's records");
    }

    @Test
    void supplementAndRejectionGoBackToTheCounterWithTheReason() throws Exception {
        String caseNumber = readyCase(CLERK, "PENSION");
        String reviewer = submit(CLERK, caseNumber).getString("assignedTo");

        Api.Response supplement = decide(reviewer, caseNumber, "SUPPLEMENT", "户口簿复印件不清晰，请补交");
        assertEquals("SUPPLEMENT_REQUESTED", supplement.json().getString("status"));
        JsonObject atCounter = CLERK.get("/api/cases/" + caseNumber).json();
        assertEquals("户口簿复印件不清晰，请补交", atCounter.getString("decisionComment"), "the clerk sees the reason");
        Cases.upload(CLERK, caseNumber, "HOUSEHOLD_REGISTER", Samples.pdf("clear household register"));

        reviewer = submit(CLERK, caseNumber).getString("assignedTo");
        Api.Response rejected = decide(reviewer, caseNumber, "REJECT", "缴费年限不足15年");
        assertEquals("REJECTED", rejected.json().getString("status"));
        assertEquals("缴费年限不足15年", CLERK.get("/api/cases/" + caseNumber).json().getString("decisionComment"));

        Cases.upload(CLERK, caseNumber, "CONTRIBUTION_RECORD", Samples.pdf("transfer-in record adds 3 years"));
        reviewer = submit(CLERK, caseNumber).getString("assignedTo");
        assertEquals(
                "ARCHIVED",
                decide(reviewer, caseNumber, "APPROVE", "补充转入记录后年限满足").json().getString("status"));
    }

    @Test
    void aCaseWithMissingMaterialsWaitsUnlessTheTypeAllowsALaterSupplement() throws Exception {
        String pension = Cases.open(CLERK, "PENSION");
        Cases.upload(CLERK, pension, "ID_CARD", Samples.pdf("id only"));
        Api.Response refused = CLERK.post("/api/cases/" + pension + "/submit", "{}");
        assertEquals(409, refused.status());
        assertEquals("MATERIALS_MISSING", refused.json().getString("code"));
        assertTrue(refused.json().getString("message").contains("CLAIM_FORM"), refused.body());

        String enroll = Cases.open(CLERK, "ENROLL");
        Cases.upload(CLERK, enroll, "APPLICATION_FORM", Samples.pdf("form"));
        assertEquals(
                "MATERIALS_MISSING",
                CLERK.post("/api/cases/" + enroll + "/submit", "{}").json().getString("code"));
        String promised = LocalDate.now().plusDays(5).toString();
        Api.Response accepted =
                CLERK.post("/api/cases/" + enroll + "/submit", "{\"supplementPromisedDate\":\"" + promised + "\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(promised, accepted.json().getString("supplementPromised"), "容缺受理 with the promised date");
    }

    @Test
    void whoeverAcceptedACaseCanNeverDecideIt() throws Exception {
        Api deputy = Api.as("deputy");
        String caseNumber = readyCase(deputy, "ENROLL");
        JsonObject submitted = submit(deputy, caseNumber);
        assertNotEquals("deputy", submitted.getString("assignedTo"), "the system never assigns the acceptor");

        Api.Response own = decide("deputy", caseNumber, "APPROVE", "自己批自己");
        assertEquals(403, own.status());
        assertEquals("FOUR_EYES", own.json().getString("code"));

        String assigned = submitted.getString("assignedTo");
        String other = assigned.equals("reviewer") ? "reviewer2" : "reviewer";
        Api.Response notMine = decide(other, caseNumber, "APPROVE", "ok");
        assertEquals(403, notMine.status());
        assertEquals("NOT_ASSIGNED_TO_YOU", notMine.json().getString("code"));

        Api.Response noReason = decide(assigned, caseNumber, "REJECT", " ");
        assertEquals(400, noReason.status());
        assertEquals("REASON_REQUIRED", noReason.json().getString("code"));

        String fresh = Cases.open(CLERK, "ENROLL");
        Api.Response early = decide("reviewer", fresh, "APPROVE", "ok");
        assertEquals(409, early.status());
        assertEquals("ILLEGAL_TRANSITION", early.json().getString("code"));
    }

    @Test
    void anAdministratorReassignsAReviewersTask() throws Exception {
        String caseNumber = readyCase(CLERK, "PENSION");
        String first = submit(CLERK, caseNumber).getString("assignedTo");
        String second = first.equals("reviewer") ? "reviewer2" : "reviewer";
        assertEquals(
                403,
                CLERK.post("/api/admin/cases/" + caseNumber + "/reassign", "{\"reviewer\":\"" + second + "\"}")
                        .status());
        Api.Response moved = Api.as("admin")
                .post("/api/admin/cases/" + caseNumber + "/reassign", "{\"reviewer\":\"" + second + "\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(second, moved.json().getString("assignedTo"));
        assertTrue(Api.as(second).get("/api/tasks").body().contains(caseNumber));
        assertTrue(!Api.as(first).get("/api/tasks").body().contains(caseNumber));
    }

    @Test
    void concurrentSubmissionsAssignEveryCaseExactlyOnce() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cases.add(readyCase(CLERK, "ENROLL"));
        }
        List<Api.Response> results = parallel(cases.stream()
                .map(c -> (Callable<Api.Response>) () -> CLERK.post("/api/cases/" + c + "/submit", "{}"))
                .toList());
        for (Api.Response r : results) {
            assertEquals(200, r.status(), r.body());
            assertEquals("ASSIGNED", r.json().getString("status"));
        }
        for (String c : cases) {
            long assignments = CLERK.get("/api/cases/" + c).json().getJsonArray("history").stream()
                    .filter(e -> "ASSIGNED".equals(e.asJsonObject().getString("to")))
                    .count();
            assertEquals(1, assignments, c + " was assigned once");
        }
        Set<String> reviewers =
                results.stream().map(r -> r.json().getString("assignedTo")).collect(Collectors.toSet());
        assertTrue(reviewers.size() >= 2, "the load is spread: " + reviewers);

        String same = readyCase(CLERK, "ENROLL");
        List<Api.Response> racing = parallel(Collections.nCopies(
                5, (Callable<Api.Response>) () -> CLERK.post("/api/cases/" + same + "/submit", "{}")));
        assertEquals(1, racing.stream().filter(r -> r.status() == 200).count(), "one submission wins");
        assertTrue(racing.stream().filter(r -> r.status() != 200).allMatch(r -> r.status() == 409));
    }

    @Test
    void archiveNumbersStayUniqueAndGapFreeUnderConcurrentApprovals() throws Exception {
        List<String[]> assigned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String c = readyCase(CLERK, "BACKPAY");
            assigned.add(new String[] {c, submit(CLERK, c).getString("assignedTo")});
        }
        List<Api.Response> approvals = parallel(assigned.stream()
                .map(a -> (Callable<Api.Response>) () -> decide(a[1], a[0], "APPROVE", "同意补缴"))
                .toList());
        for (Api.Response r : approvals) {
            assertEquals(200, r.status(), r.body());
            assertEquals("ARCHIVED", r.json().getString("status"));
        }
        List<String> numbers = new ArrayList<>();
        for (String[] a : assigned) {
            for (JsonValue v : ARCHIVIST.get("/api/archive/dossiers/" + a[0]).jsonArray()) {
                numbers.add(v.asJsonObject().getString("archiveNumber"));
            }
        }
        assertEquals(numbers.size(), new HashSet<>(numbers).size(), "unique: " + numbers);
        String series = numbers.get(0).substring(0, numbers.get(0).lastIndexOf('-'));
        List<Long> items = ARCHIVIST.get("/api/archive/persons/" + Cases.CITIZEN_ID).jsonArray().stream()
                .map(v -> v.asJsonObject().getString("archiveNumber"))
                .filter(n -> n.startsWith(series + "-"))
                .map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1)))
                .sorted()
                .toList();
        assertTrue(items.size() >= numbers.size(), "the person view holds every number of this test: " + items);
        assertEquals(
                LongStream.rangeClosed(items.get(0), items.get(items.size() - 1))
                        .boxed()
                        .toList(),
                items,
                "gap-free in " + series);
    }

    @Test
    void archivedRecordsAreFoundByFullTextAndFiltersWithHighlights() throws Exception {
        String caseNumber = readyCase(CLERK, "LUMP_SUM");
        Api.Response upload = CLERK.upload(
                caseNumber,
                "HEIR_DOCUMENTS",
                "继承人关系公证书.pdf",
                "application/pdf",
                Samples.pdf("heirs quitclaimdeed"),
                true);
        assertEquals(201, upload.status(), upload.body());
        String reviewer = submit(CLERK, caseNumber).getString("assignedTo");
        assertEquals(
                "ARCHIVED",
                decide(reviewer, caseNumber, "APPROVE", "同意一次性支付").json().getString("status"));

        JsonObject found = ARCHIVIST.search(
                "/api/archive/search?q=" + URLEncoder.encode("继承人公证书", "UTF-8") + "&businessType=LUMP_SUM",
                r -> r.getJsonNumber("total").longValue() >= 1);
        assertTrue(found.getJsonNumber("total").longValue() >= 1, found.toString());
        JsonObject hit = found.getJsonArray("hits").getJsonObject(0);
        assertEquals(caseNumber, hit.getString("caseNumber"));
        assertTrue(hit.getString("archiveNumber").matches("F001-\\d{4}-DY-D50-\\d{6}"), hit.toString());
        assertTrue(hit.getString("highlight").contains("<em>"), "the hit is highlighted: " + hit);

        // the document's own text (what a PDF/A's OCR layer holds) is searchable, not only its title
        assertTrue(
                containsCase(
                        ARCHIVIST
                                .get("/api/archive/search?q=quitclaimdeed&size=100")
                                .json(),
                        caseNumber),
                "found by a word that is only inside the PDF");

        JsonObject otherType = ARCHIVIST
                .get("/api/archive/search?q=" + URLEncoder.encode("继承人", "UTF-8") + "&businessType=ENROLL")
                .json();
        assertEquals(0, otherType.getJsonNumber("total").longValue());

        assertEquals(403, CLERK.post("/api/admin/reindex", "").status());
        Api.Response reindexed = Api.as("admin").post("/api/admin/reindex", "");
        assertEquals(200, reindexed.status(), reindexed.body());
        assertTrue(reindexed.json().getJsonNumber("records").longValue() >= 1);
        JsonObject again = ARCHIVIST
                .get("/api/archive/search?archiveNumber=" + hit.getString("archiveNumber"))
                .json();
        assertEquals(
                1,
                again.getJsonNumber("total").longValue(),
                "found again after the index was rebuilt from the database");
        assertTrue(
                containsCase(
                        ARCHIVIST
                                .get("/api/archive/search?q=quitclaimdeed&size=100")
                                .json(),
                        caseNumber),
                "the document's text is kept in the database: a rebuilt index still finds it");

        JsonObject page = ARCHIVIST
                .get("/api/archive/search?citizenId=" + Cases.CITIZEN_ID + "&size=2&page=0")
                .json();
        assertEquals(2, page.getJsonArray("hits").size(), "paged");
        assertTrue(page.getJsonNumber("total").longValue() > 2);

        if (!ThinPathIT.Env.postgresql()) {
            String otherHall = Api.as("clerk2")
                    .get("/api/archive/search?archiveNumber=" + hit.getString("archiveNumber"))
                    .body();
            assertTrue(otherHall.contains("\"total\":0"), "a clerk of another hall does not see it: " + otherHall);
            String ownHall = CLERK.get("/api/archive/search?archiveNumber=" + hit.getString("archiveNumber"))
                    .body();
            assertTrue(ownHall.contains("\"total\":1"), ownHall);
        }
    }

    private static boolean containsCase(JsonObject result, String caseNumber) {
        return result.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .anyMatch(h -> h.getString("caseNumber").equals(caseNumber));
    }

    private static <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
