package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive's care of its records: the DA/T 70 four-property check at archiving (a failure blocks it and names each
 * failed item) and on demand; restricted records and borrowing; watermarked page viewing; disposition of expired
 * records under an approved list, never of a held one.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class RecordsIT {
    /** The signature the test ClamAV daemon knows (see the launcher's test set-up), standing in for a real virus. */
    static final String VIRUS_MARKER = "EARCHIVE-VIRUS-TEST-MARKER";

    private static final Api CLERK = Api.as("clerk");
    private static final Api ARCHIVIST = Api.as("archivist");
    private static final Api AUDITOR = Api.as("auditor");
    private static final Api ADMIN = Api.as("admin");
    private static final Api REVIEWER = Api.as("reviewer");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    /** Opens an ENROLL case with every required material as PDF/A, except those given as other files. */
    private static String readyCase(Map<String, Api.Response> replaced, Map<String, byte[]> others) throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL");
        for (JsonValue m : CLERK.get("/api/cases/" + caseNumber).json().getJsonArray("requiredMaterials")) {
            JsonObject material = m.asJsonObject();
            String code = material.getString("code");
            if (material.getBoolean("required") && !others.containsKey(code)) {
                Cases.upload(CLERK, caseNumber, code, Samples.pdf("ENROLL " + code));
            }
        }
        for (var e : others.entrySet()) {
            boolean jpeg = e.getValue()[0] == (byte) 0xFF;
            // declared archival, as a station declares its output: the four-property check is what judges them
            Api.Response r = CLERK.uploadArchival(
                    caseNumber,
                    e.getKey(),
                    e.getKey().toLowerCase() + (jpeg ? ".jpg" : ".pdf"),
                    jpeg ? "image/jpeg" : "application/pdf",
                    e.getValue());
            assertEquals(201, r.status(), r.body());
            replaced.put(e.getKey(), r);
        }
        return caseNumber;
    }

    private static String approve(String caseNumber) throws Exception {
        Api.Response submitted = CLERK.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(200, submitted.status(), submitted.body());
        String reviewer = submitted.json().getString("assignedTo");
        Api.Response decided = Api.as(reviewer)
                .post("/api/tasks/" + caseNumber + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\"}");
        assertEquals(200, decided.status(), decided.body());
        return decided.json().getString("status");
    }

    private static String archivedCase() throws Exception {
        String caseNumber = readyCase(new HashMap<>(), Map.of());
        assertEquals("ARCHIVED", approve(caseNumber));
        return caseNumber;
    }

    private static List<JsonObject> dossier(String caseNumber) throws Exception {
        return ARCHIVIST.get("/api/archive/dossiers/" + caseNumber).jsonArray().getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> failed(JsonObject report) {
        return report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> !i.getBoolean("passed"))
                .toList();
    }

    @Test
    void aDossierThatFailsTheFourPropertyCheckIsNotArchivedAndTheReportNamesEachFailedItem() throws Exception {
        Map<String, Api.Response> uploads = new HashMap<>();
        Map<String, byte[]> others = new LinkedHashMap<>();
        others.put("APPLICATION_FORM", Samples.plainPdf("a PDF that is not PDF/A"));
        // a virus whose signature is published after the upload: the scan at the door finds nothing, the one at
        // archiving does
        String later = "EARCHIVE-LATER-" + UUID.randomUUID().toString().replace("-", "");
        String clamd = Clamd.address();
        boolean scanned = clamd != null;
        assumeTrue(!scanned || Clamd.database() != null, "teaching clamd a signature needs EARCHIVE_TEST_CLAMD_DB");
        others.put("ID_CARD", infectedJpeg(later));
        String caseNumber = readyCase(uploads, others);
        String signature = "EARCHIVE.Test.Later." + later.substring(15, 23);
        if (scanned) {
            Clamd.learn(signature, later);
        }

        assertEquals("APPROVED", approve(caseNumber), "approved, but the failed check keeps it out of the archive");
        assertTrue(dossier(caseNumber).isEmpty(), "nothing was numbered");

        JsonArray reports =
                ARCHIVIST.get("/api/archive/dossiers/" + caseNumber + "/checks").jsonArray();
        assertEquals(1, reports.size(), reports.toString());
        JsonObject report = reports.getJsonObject(0);
        assertEquals("ARCHIVING", report.getString("occasion"));
        assertFalse(report.getBoolean("passed"));
        long formId = uploads.get("APPLICATION_FORM").json().getJsonNumber("id").longValue();
        long idCardId = uploads.get("ID_CARD").json().getJsonNumber("id").longValue();

        List<JsonObject> failures = failed(report);
        JsonObject pdfa = failures.stream()
                .filter(i -> i.getString("check").equals("pdfa"))
                .findFirst()
                .orElseThrow();
        assertEquals("USABILITY", pdfa.getString("property"));
        assertTrue(pdfa.getString("subject").startsWith("doc:" + formId + " "), pdfa.toString());
        JsonObject virus = report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("check").equals("virus-scan")
                        && i.getString("subject").startsWith("doc:" + idCardId + " "))
                .findFirst()
                .orElseThrow();
        if (scanned) {
            assertFalse(virus.getBoolean("passed"), virus.toString());
            assertEquals("SECURITY", virus.getString("property"));
            assertTrue(virus.getString("detail").contains(signature), virus.toString());
            assertEquals(2, failures.size(), "exactly the two bad files fail: " + failures);
        } else {
            assertTrue(virus.getString("detail").startsWith("not scanned"), virus.toString());
            assertEquals(1, failures.size(), failures.toString());
        }
        // the good PDF/A files pass every item of theirs
        assertTrue(
                report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(i -> i.getString("check").equals("pdfa")
                                && i.getBoolean("passed")
                                && i.getString("detail").contains("PDF/A-2b")),
                report.toString());

        Api.Response again = ARCHIVIST.post("/api/archive/dossiers/" + caseNumber + "/archive", "");
        assertEquals(409, again.status(), again.body());
        assertEquals("FOUR_PROPERTY_CHECK_FAILED", again.json().getString("code"));
        assertTrue(again.json().getString("message").contains("doc:" + formId), again.body());
        assertEquals("APPROVED", CLERK.get("/api/cases/" + caseNumber).json().getString("status"));
    }

    @Test
    void aScannersOwnPdfKeptAsTheOriginalDoesNotHoldTheDossierBack() throws Exception {
        String caseNumber = readyCase(new HashMap<>(), Map.of());
        Api.Response original = CLERK.uploadOriginal(
                caseNumber, "ID_CARD", "scanner.pdf", "application/pdf", Samples.plainPdf("the scanner's own PDF"));
        assertEquals(201, original.status(), original.body());
        assertEquals("ORIGINAL", original.json().getString("role"));
        assertEquals("ARCHIVED", approve(caseNumber), "an original need not be PDF/A");
        long id = original.json().getJsonNumber("id").longValue();
        JsonObject report = ARCHIVIST
                .get("/api/archive/dossiers/" + caseNumber + "/checks")
                .jsonArray()
                .getJsonObject(0);
        JsonObject pdfa = report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("check").equals("pdfa")
                        && i.getString("subject").startsWith("doc:" + id + " "))
                .findFirst()
                .orElseThrow();
        assertTrue(pdfa.getBoolean("passed"), pdfa.toString());
        assertTrue(pdfa.getString("detail").startsWith("original kept as received"), pdfa.toString());
    }

    @Test
    void anArchivedDossierPassesTheCheckAndAnOnDemandCheckFindsAChangedObject() throws Exception {
        String caseNumber = archivedCase();
        List<JsonObject> records = dossier(caseNumber);
        String number = records.get(0).getString("archiveNumber");
        JsonArray reports =
                ARCHIVIST.get("/api/archive/records/" + number + "/checks").jsonArray();
        assertEquals(1, reports.size());
        JsonObject atArchiving = reports.getJsonObject(0);
        assertTrue(atArchiving.getBoolean("passed"), atArchiving.toString());
        List<String> checks = atArchiving.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("property") + "/" + i.getString("check"))
                .distinct()
                .toList();
        for (String expected : List.of(
                "AUTHENTICITY/digests",
                "AUTHENTICITY/record-metadata",
                "AUTHENTICITY/format",
                "INTEGRITY/required-materials",
                "INTEGRITY/series-continuity",
                "INTEGRITY/content",
                "USABILITY/pdfa",
                "USABILITY/renders",
                "SECURITY/virus-scan",
                "SECURITY/retention",
                "SECURITY/process-logged")) {
            assertTrue(checks.contains(expected), expected + " in " + checks);
        }

        assertEquals(
                403,
                CLERK.post("/api/archive/dossiers/" + caseNumber + "/checks", "")
                        .status());
        Path object = ThinPathIT.Env.objectFile(records.get(1).getString("sha256"));
        byte[] original = Files.readAllBytes(object);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        Files.write(object, changed);
        try {
            Api.Response r = AUDITOR.post("/api/archive/dossiers/" + caseNumber + "/checks", "");
            assertEquals(200, r.status(), r.body());
            JsonObject report = r.json();
            assertEquals("ON_DEMAND", report.getString("occasion"));
            assertFalse(report.getBoolean("passed"));
            List<JsonObject> failures = failed(report);
            assertFalse(failures.isEmpty());
            for (JsonObject f : failures) {
                assertEquals(
                        records.get(1).getString("archiveNumber"),
                        f.getString("subject"),
                        "only the changed record fails: " + f);
                assertEquals("AUTHENTICITY", f.getString("property"));
            }
            assertEquals(
                    2,
                    ARCHIVIST
                            .get("/api/archive/records/" + number + "/checks")
                            .jsonArray()
                            .size(),
                    "both reports kept");
        } finally {
            Files.write(object, original);
        }
        assertTrue(AUDITOR.post("/api/archive/dossiers/" + caseNumber + "/checks", "")
                .json()
                .getBoolean("passed"));
    }

    @Test
    void aRestrictedRecordIsReadOnlyUnderAnApprovedBorrowingThatExpires() throws Exception {
        String caseNumber = archivedCase();
        JsonObject record = dossier(caseNumber).get(0);
        String number = record.getString("archiveNumber");
        long documentId = record.getJsonNumber("documentId").longValue();
        assertEquals(
                200,
                REVIEWER.get("/api/documents/" + documentId + "/pages/1").status(),
                "open records are read freely");
        assertEquals(
                403,
                REVIEWER.get("/api/documents/" + documentId + "/content").status(),
                "a reviewer sees watermarked pages, never the unwatermarked original");

        assertEquals(
                403,
                REVIEWER.put("/api/archive/records/" + number + "/restriction", "{\"restricted\":true}")
                        .status());
        Api.Response restricted = ARCHIVIST.put(
                "/api/archive/records/" + number + "/restriction", "{\"restricted\":true,\"reason\":\"涉及个人隐私\"}");
        assertEquals(200, restricted.status(), restricted.body());
        assertTrue(restricted.json().getBoolean("restricted"));

        Api.Response refused = REVIEWER.get("/api/documents/" + documentId + "/pages/1");
        assertEquals(403, refused.status());
        assertEquals("BORROWING_REQUIRED", refused.json().getString("code"));
        assertEquals(
                "BORROWING_REQUIRED",
                REVIEWER.get("/api/documents/" + documentId + "/pages/1").json().getString("code"));
        JsonObject hit = REVIEWER.search(
                        "/api/archive/search?archiveNumber=" + number,
                        r -> r.getJsonNumber("total").longValue() == 1)
                .getJsonArray("hits")
                .getJsonObject(0);
        assertFalse(hit.getString("highlight").contains("ENROLL"), "a restricted record's text is not shown: " + hit);

        Api.Response request = REVIEWER.post(
                "/api/archive/borrowings", "{\"archiveNumber\":\"" + number + "\",\"purpose\":\"复核待遇\",\"days\":3}");
        assertEquals(201, request.status(), request.body());
        long id = request.json().getJsonNumber("id").longValue();
        assertEquals("REQUESTED", request.json().getString("status"));
        assertEquals(
                403, REVIEWER.get("/api/documents/" + documentId + "/pages/1").status(), "not before the approval");
        assertEquals(
                403,
                REVIEWER.post(
                                "/api/archive/borrowings/" + id + "/decision",
                                "{\"decision\":\"APPROVE\",\"comment\":\"ok\"}")
                        .status());

        long own = ARCHIVIST
                .post("/api/archive/borrowings", "{\"archiveNumber\":\"" + number + "\",\"purpose\":\"自查\",\"days\":1}")
                .json()
                .getJsonNumber("id")
                .longValue();
        Api.Response self = ARCHIVIST.post(
                "/api/archive/borrowings/" + own + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"ok\"}");
        assertEquals(403, self.status());
        assertEquals("FOUR_EYES", self.json().getString("code"));

        Api.Response approved = ARCHIVIST.post(
                "/api/archive/borrowings/" + id + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"同意借阅三天\"}");
        assertEquals(200, approved.status(), approved.body());
        assertTrue(approved.json().getBoolean("active"));
        assertNotNull(approved.json().getString("expiresAt"));
        Api.Response read = REVIEWER.get("/api/documents/" + documentId + "/pages/1");
        assertEquals(200, read.status(), read.body());
        assertEquals("image/png", read.header("Content-Type"));
        assertEquals(
                403,
                CLERK.get("/api/documents/" + documentId + "/pages/1").status(),
                "the borrowing is the reader's own");

        if (ThinPathIT.Env
                .postgresql()) { // time passes: only the production database can be edited under a running server
            try (Connection c = ThinPathIT.Env.connect();
                    PreparedStatement s = c.prepareStatement(
                            "UPDATE borrowing SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
                s.setLong(1, id);
                assertEquals(1, s.executeUpdate());
            }
            assertEquals(
                    403,
                    REVIEWER.get("/api/documents/" + documentId + "/pages/1").status(),
                    "an expired borrowing opens nothing");
        }
    }

    @Test
    void pagesAreViewedWithAWatermarkAndTheArchivedObjectStaysUnchanged() throws Exception {
        String caseNumber = archivedCase();
        JsonObject record = dossier(caseNumber).get(0);
        long documentId = record.getJsonNumber("documentId").longValue();

        Api.Response page = ARCHIVIST.get("/api/documents/" + documentId + "/pages/1?dpi=72");
        assertEquals(200, page.status(), page.body());
        assertEquals("image/png", page.header("Content-Type"));
        assertEquals("1", page.header("X-Page-Count"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.bytes()));
        assertEquals(612, image.getWidth(), 2, "850 px at 100 dpi is 8.5 in: 612 px at 72 dpi");
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                if (r - g > 30) {
                    red++;
                }
            }
        }
        double share = (double) red / (image.getWidth() * image.getHeight());
        assertTrue(
                share > 0.01 && share < 0.6,
                "the white page carries a visible red watermark over " + share * 100 + " %");

        Api.Response content = ARCHIVIST.get("/api/documents/" + documentId + "/content");
        assertEquals(record.getString("sha256"), Samples.sha256(content.bytes()), "the archived object is unchanged");
        Api.Response missing = ARCHIVIST.get("/api/documents/" + documentId + "/pages/2");
        assertEquals(404, missing.status());
        assertEquals("PAGE_NOT_FOUND", missing.json().getString("code"));
    }

    @Test
    void anExpiredRecordIsDestroyedUnderAnApprovedListAndAHeldOneNever() throws Exception {
        assumeTrue(
                ThinPathIT.Env.postgresql(),
                "retention ends decades from now: the test moves it into the past in PostgreSQL");
        String first = archivedCase();
        String second = archivedCase();
        List<JsonObject> expired = new ArrayList<>(dossier(first));
        expired.addAll(dossier(second));
        List<String> numbers =
                expired.stream().map(r -> r.getString("archiveNumber")).toList();
        // ten years later: the records' retention and their objects' write-once retention ended in 2020
        try (Connection c = ThinPathIT.Env.connect()) {
            for (String n : numbers) {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE archive_record SET retain_until = DATE '2020-01-01' WHERE archive_number = ?")) {
                    s.setString(1, n);
                    assertEquals(1, s.executeUpdate());
                }
            }
        }
        for (JsonObject r : expired) {
            Path meta =
                    ThinPathIT.Env.objectFile(r.getString("sha256")).resolveSibling(r.getString("sha256") + ".meta");
            Properties p = new Properties();
            try (var in = Files.newInputStream(meta)) {
                p.load(in);
            }
            p.setProperty("retainUntil", "2020-01-02T00:00:00Z");
            try (var out = Files.newOutputStream(meta)) {
                p.store(out, null);
            }
        }
        String heldBefore = numbers.get(0);
        String heldAfter = numbers.get(numbers.size() - 1);
        Api.Response noReason = ARCHIVIST.put("/api/archive/records/" + heldBefore + "/hold", "{}");
        assertEquals("REASON_REQUIRED", noReason.json().getString("code"));
        Api.Response hold = ARCHIVIST.put("/api/archive/records/" + heldBefore + "/hold", "{\"reason\":\"行政复议中\"}");
        assertEquals(200, hold.status(), hold.body());
        assertTrue(hold.json().getBoolean("legalHold"));

        assertEquals(403, CLERK.post("/api/archive/disposal/appraisals", "").status());
        Api.Response started = ARCHIVIST.post("/api/archive/disposal/appraisals", "");
        assertEquals(202, started.status(), started.body());
        long execution = started.json().getJsonNumber("execution").longValue();
        JsonObject run = started.json();
        for (int i = 0;
                i < 120
                        && !run.getString("status").equals("COMPLETED")
                        && !run.getString("status").equals("FAILED");
                i++) {
            Thread.sleep(500);
            run = ARCHIVIST.get("/api/archive/disposal/appraisals/" + execution).json();
        }
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        long listId = run.getJsonNumber("listId").longValue();
        JsonObject list = ARCHIVIST.get("/api/archive/disposal/lists/" + listId).json();
        assertEquals("PROPOSED", list.getString("status"));
        List<String> listed = list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("archiveNumber"))
                .collect(Collectors.toList());
        assertFalse(listed.contains(heldBefore), "a held record is never listed");
        assertTrue(listed.containsAll(numbers.subList(1, numbers.size())), listed + " lists " + numbers);

        Api.Response early = ARCHIVIST.post("/api/archive/disposal/lists/" + listId + "/execute", "");
        assertEquals(409, early.status(), "nothing is destroyed before the list is approved");
        assertEquals(
                403,
                ARCHIVIST
                        .post(
                                "/api/archive/disposal/lists/" + listId + "/decision",
                                "{\"decision\":\"APPROVE\",\"comment\":\"ok\"}")
                        .status(),
                "the appraisal group (admin) approves");
        // a hold placed after the listing still protects the record
        assertEquals(
                200,
                ARCHIVIST
                        .put("/api/archive/records/" + heldAfter + "/hold", "{\"reason\":\"审计调阅\"}")
                        .status());
        Api.Response approved = ADMIN.post(
                "/api/archive/disposal/lists/" + listId + "/decision",
                "{\"decision\":\"APPROVE\",\"comment\":\"鉴定小组同意销毁\"}");
        assertEquals(200, approved.status(), approved.body());
        Api.Response executed = ARCHIVIST.post("/api/archive/disposal/lists/" + listId + "/execute", "");
        assertEquals(200, executed.status(), executed.body());
        assertEquals("EXECUTED", executed.json().getString("status"));
        for (JsonObject item : executed.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            String expected = item.getString("archiveNumber").equals(heldAfter) ? "SKIPPED" : "DESTROYED";
            assertEquals(expected, item.getString("outcome"), item.toString());
        }

        for (JsonObject r : expired) {
            String n = r.getString("archiveNumber");
            long documentId = r.getJsonNumber("documentId").longValue();
            JsonObject kept = ARCHIVIST.get("/api/archive/records/" + n).json();
            boolean held = n.equals(heldBefore) || n.equals(heldAfter);
            Api.Response content = ARCHIVIST.get("/api/documents/" + documentId + "/content");
            if (held) {
                assertEquals(200, content.status(), n + " is held and keeps its content");
                assertTrue(Files.exists(ThinPathIT.Env.objectFile(r.getString("sha256"))));
            } else {
                assertEquals(r.getString("sha256"), kept.getString("sha256"), "the metadata is kept");
                assertNotNull(kept.getString("disposedAt"));
                assertEquals(410, content.status(), content.body());
                assertEquals("RECORD_DISPOSED", content.json().getString("code"));
                assertFalse(Files.exists(ThinPathIT.Env.objectFile(r.getString("sha256"))), "the content is destroyed");
            }
        }
        String lists = AUDITOR.get("/api/archive/disposal/lists").body();
        assertTrue(lists.contains("\"id\":" + listId) && lists.contains("EXECUTED"), "the list is kept");
        String printed = Printed.text(AUDITOR.get("/api/archive/disposal/lists/" + listId + "/print"));
        assertTrue(printed.contains("档案销毁清册") && printed.contains("已销毁") && printed.contains("监销人"), printed);
        for (String n : listed) {
            assertTrue(printed.contains(n), n + " is on the printed list: " + printed);
        }
        assertFalse(printed.contains(heldBefore), "a record held before the appraisal is not on it: " + printed);
    }

    @Test
    void anInfectedFileIsRefusedAtTheDoorWhileTheApplicantIsStillThere() throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL");
        Api.Response r = CLERK.upload(caseNumber, "ID_CARD", "id.jpg", "image/jpeg", infectedJpeg(VIRUS_MARKER), true);
        if (Clamd.address() == null) {
            assertEquals(201, r.status(), "no scanner here: accepted, the report at archiving says not scanned");
            return;
        }
        assertEquals(422, r.status(), r.body());
        assertEquals("VIRUS_FOUND", r.json().getString("code"));
        assertTrue(r.json().getString("message").contains("EARCHIVE.Test.Marker"), r.body());
        assertTrue(r.json().getString("message").contains("病毒"), "said in Chinese first: " + r.body());
        assertTrue(
                CLERK.get("/api/cases/" + caseNumber)
                        .json()
                        .getJsonArray("documents")
                        .isEmpty(),
                "nothing of it is recorded");
        String events = AUDITOR.get("/api/audit/events?limit=50").body();
        assertTrue(events.contains("\"UPLOAD_REFUSED\"") && events.contains(caseNumber), "the audit log shows it");
        Api.Response clean = CLERK.upload(caseNumber, "ID_CARD", "id.pdf", "application/pdf", Samples.pdf("身份证"), true);
        assertEquals(201, clean.status(), "a clean file is taken at once: " + clean.body());
    }

    /** A JPEG whose comment segment carries {@code marker} (a test virus signature's text). */
    private static byte[] infectedJpeg(String marker) throws Exception {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] comment = (marker + " " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xFE);
        out.write((comment.length + 2) >> 8);
        out.write((comment.length + 2) & 0xFF);
        out.write(comment);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }
}
