package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The skeleton's thin path through the real layers, on the real EAR deployed to Payara Server: an authenticated
 * client opens a case, uploads a PDF and downloads it back byte-identical, with the digest in the database and the
 * bytes in the object store; and every way of getting it wrong gets a JSON error with the right status. Runs twice:
 * on the embedded default (H2) and on PostgreSQL (see the failsafe executions in this module's POM).
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class ThinPathIT {
    /**
     * The tag of the server tests that run on the embedded default as well as on PostgreSQL (the production profile,
     * where every server test runs): those whose server code differs between the two — native SQL (queues, ledgers,
     * statistics, monitoring, the counter's lists), the Lucene index where PostgreSQL has SolrCloud, the
     * file store without encryption at rest — and the main path the quick start shows. The rest (screens, security walks,
     * transfer, events, the command line, the station) do not depend on the database; the launcher tests and the fault
     * trials run the embedded default end to end besides.
     */
    static final String EMBEDDED_TOO = "embedded";

    private static final Api CLERK = Api.as("clerk");
    private static final String ID = "11010519491231002X";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensure("clerk", "archivist", "reviewer", "auditor");
    }

    @Test
    void healthNeedsNoLoginAndNamesEachDependency() throws Exception {
        Api.Response r = Api.anonymous().get("/health");
        assertEquals(200, r.status(), r.body());
        JsonObject health = r.json();
        assertEquals("UP", health.getString("status"));
        List<String> up = health.getJsonArray("checks").stream()
                .map(v -> v.asJsonObject())
                .filter(c -> "UP".equals(c.getString("status")))
                .map(c -> c.getString("name"))
                .toList();
        assertTrue(up.containsAll(List.of("database", "object-store", "search-index")), up.toString());
        // anonymous callers learn UP or DOWN per check, never a product, a version or a size
        String body = health.toString();
        for (String leak : List.of("H2", "PostgreSQL", "entries", "filesystem", "Payara", "detail")) {
            assertFalse(body.contains(leak), leak + " in " + body);
        }
        assertEquals("", r.header("Server"), "Server header");
        assertEquals("", r.header("X-Powered-By"), "X-Powered-By header");
        // what a load balancer asks: this instance's application, not the shared engines
        JsonObject live = Api.anonymous().get("/health/live").json();
        assertEquals("UP", live.getString("status"), live.toString());
        assertEquals(
                List.of("application"),
                live.getJsonArray("checks").stream()
                        .map(v -> v.asJsonObject().getString("name"))
                        .toList());
    }

    @Test
    void everythingElseNeedsALogin() throws Exception {
        Api.Response api = Api.anonymous().get("/api/cases/C000");
        assertEquals(401, api.status());
        assertEquals("UNAUTHENTICATED", api.json().getString("code"));
        assertTrue(api.header("WWW-Authenticate").startsWith("Basic"));
        assertNotEquals(200, Api.anonymous().get("/metrics").status());
        assertNotEquals(200, Api.anonymous().get("/openapi").status());
        assertNotEquals(200, Api.anonymous().get("/").status());
        assertEquals(403, CLERK.get("/openapi").status(), "the API's description is for administrators and auditors");
        Api.Response openapi = Api.as("auditor").get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/cases/{caseNumber}/documents"), "OpenAPI documents the upload");
    }

    @Test
    void casesOpenedAtOnceGetUniqueNumbersFromTheDaysCounter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                opened.add(pool.submit(() -> Cases.open(CLERK, "ENROLL")));
            }
            Set<String> numbers = new TreeSet<>();
            for (Future<String> f : opened) {
                numbers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(40, numbers.size(), "every case its own number: " + numbers);
            String day = numbers.iterator().next().substring(1, 9);
            assertTrue(numbers.stream().allMatch(n -> n.matches("C" + day + "\\d{8}")), numbers.toString());
            long first = Long.parseLong(numbers.iterator().next().substring(9));
            long last = Long.parseLong(((TreeSet<String>) numbers).last().substring(9));
            assertEquals(39, last - first, "taken one after another from the day's counter: " + numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Api.Response r = new Api("clerk", "not-the-password").get("/api/cases/C000");
        assertEquals(401, r.status());
        assertEquals("BAD_CREDENTIALS", r.json().getString("code"));
    }

    @Test
    void aClerkOpensACaseUploadsAPdfAndGetsTheSameBytesBack() throws Exception {
        JsonObject opened = openCase("ENROLL");
        String caseNumber = opened.getString("caseNumber");
        assertTrue(caseNumber.matches("C\\d{16}"), "C, the day and its eight-digit running number: " + caseNumber);
        assertEquals("ACCEPTED", opened.getString("status"));
        assertTrue(opened.getJsonArray("missingMaterials").toString().contains("ID_CARD"));

        byte[] pdf = Samples.pdf("身份证复印件 " + caseNumber);
        Api.Response upload = CLERK.upload(caseNumber, "ID_CARD", "身份证复印件.pdf", "application/pdf", pdf, true);
        assertEquals(201, upload.status(), upload.body());
        JsonObject doc = upload.json();
        String sha256 = Samples.sha256(pdf);
        assertEquals(sha256, doc.getString("sha256"));
        assertEquals("身份证复印件.pdf", doc.getString("fileName"));
        assertEquals(64, doc.getString("sm3").length());

        Api.Response download = Api.as("archivist")
                .get("/api/documents/" + doc.getJsonNumber("id").longValue() + "/content");
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.bytes(), "the download is byte-identical to the upload");
        assertEquals(
                "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)),
                download.header("Digest"));

        JsonObject after = CLERK.get("/api/cases/" + caseNumber).json();
        assertFalse(after.getJsonArray("missingMaterials").toString().contains("ID_CARD"));
        assertEquals(1, after.getJsonArray("documents").size());

        assertTrue(Files.isRegularFile(Env.objectFile(sha256)), "the bytes are in the object store");
        byte[] atRest = Files.readAllBytes(Env.objectFile(sha256));
        if (Env.postgresql()) {
            assertFalse(Arrays.equals(pdf, atRest), "the production profile encrypts at rest");
            assertFalse(new String(atRest, StandardCharsets.ISO_8859_1).contains("%PDF"));
        } else {
            assertArrayEquals(pdf, atRest, "the embedded default stores plain files");
        }
        if (Env.postgresql()) {
            try (Connection c = Env.connect();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT d.sha256, d.size_bytes FROM case_document d JOIN business_case c ON c.id = d.case_id"
                                    + " WHERE c.case_number = ?")) {
                s.setString(1, caseNumber);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), "the document row is in PostgreSQL");
                    assertEquals(sha256, rs.getString(1));
                    assertEquals(pdf.length, rs.getLong(2));
                }
            }
        }
    }

    @Test
    void theSameBytesUploadedTwiceAreStoredOnce() throws Exception {
        String caseNumber = openCase("ENROLL").getString("caseNumber");
        byte[] pdf = Samples.pdf("劳动合同 " + caseNumber);
        long before = Env.objectCount();
        assertEquals(
                201,
                CLERK.upload(caseNumber, "LABOUR_CONTRACT", "合同.pdf", "application/pdf", pdf, true)
                        .status());
        assertEquals(
                201,
                CLERK.upload(caseNumber, "APPLICATION_FORM", "合同.pdf", "application/pdf", pdf, true)
                        .status());
        assertEquals(before + 1, Env.objectCount());
        assertEquals(
                2,
                CLERK.get("/api/cases/" + caseNumber)
                        .json()
                        .getJsonArray("documents")
                        .size());
    }

    @Test
    void badInputGetsAClearJsonErrorAndLeavesNothingBehind() throws Exception {
        Api.Response unknown = CLERK.get("/api/cases/C209912310000000");
        assertEquals(404, unknown.status());
        assertEquals("CASE_NOT_FOUND", unknown.json().getString("code"));

        Api.Response badId = CLERK.post(
                "/api/cases",
                "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"110105194912310021\",\"name\":\"王芳\"}}");
        assertEquals(400, badId.status());
        assertEquals("INVALID_CITIZEN_ID", badId.json().getString("code"));

        Api.Response badType = CLERK.post(
                "/api/cases",
                "{\"businessType\":\"NOPE\",\"applicant\":{\"idNumber\":\"" + ID + "\",\"name\":\"王芳\"}}");
        assertEquals(400, badType.status());
        assertEquals("UNKNOWN_BUSINESS_TYPE", badType.json().getString("code"));

        Api.Response garbage = CLERK.post("/api/cases", "{not json");
        assertEquals(400, garbage.status());
        assertTrue(garbage.json().containsKey("code"));

        String caseNumber = openCase("ENROLL").getString("caseNumber");
        long objects = Env.objectCount();

        Api.Response noCase =
                CLERK.upload("C209912310000000", "ID_CARD", "a.pdf", "application/pdf", Samples.pdf("x"), true);
        assertEquals(404, noCase.status());
        assertEquals("CASE_NOT_FOUND", noCase.json().getString("code"));

        Api.Response empty = CLERK.upload(caseNumber, "ID_CARD", "empty.pdf", "application/pdf", new byte[0], true);
        assertEquals(400, empty.status());
        assertEquals("EMPTY_FILE", empty.json().getString("code"));

        Api.Response material = CLERK.upload(caseNumber, "NO_SUCH", "a.pdf", "application/pdf", Samples.pdf("y"), true);
        assertEquals(400, material.status());
        assertEquals("UNKNOWN_MATERIAL", material.json().getString("code"));

        // The tests run with a 1 MiB limit: once with a declared length, once streamed without one.
        byte[] big = Samples.random(1536 * 1024);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9); // a PDF's bytes
        Api.Response declared = CLERK.upload(caseNumber, "ID_CARD", "big.pdf", "application/pdf", big, true);
        assertEquals(413, declared.status());
        assertEquals("FILE_TOO_LARGE", declared.json().getString("code"));
        try {
            Api.Response streamed = CLERK.upload(caseNumber, "ID_CARD", "big.pdf", "application/pdf", big, false);
            assertEquals(413, streamed.status(), streamed.body());
            assertEquals("FILE_TOO_LARGE", streamed.json().getString("code"));
        } catch (IOException e) {
            // The server answers 413 and closes the connection as soon as the limit is passed; a client still sending
            // the rest of an undeclared body may see the connection close before it reads the answer. What matters is
            // below: nothing of the upload was kept.
        }

        assertEquals(
                0,
                CLERK.get("/api/cases/" + caseNumber)
                        .json()
                        .getJsonArray("documents")
                        .size(),
                "no row");
        assertEquals(objects, Env.objectCount(), "no orphan object");
    }

    @Test
    void keyRotationIsForAdministratorsOnly() throws Exception {
        assertEquals(403, CLERK.post("/api/admin/rotate-keys", "").status());
        Accounts.ensure("admin");
        Api.Response r = Api.as("admin").post("/api/admin/rotate-keys", "");
        assertEquals(200, r.status(), r.body());
        assertEquals(
                0, r.json().getJsonNumber("rewrapped").longValue(), "every data key is already under the current key");
    }

    @Test
    void theWrongRoleIsRefused() throws Exception {
        Api.Response archivist = Api.as("archivist")
                .post(
                        "/api/cases",
                        "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + ID + "\",\"name\":\"王芳\"}}");
        assertEquals(403, archivist.status());
        assertEquals("FORBIDDEN", archivist.json().getString("code"));

        String caseNumber = openCase("PENSION").getString("caseNumber");
        Api.Response reviewer =
                Api.as("reviewer").upload(caseNumber, "ID_CARD", "a.pdf", "application/pdf", Samples.pdf("z"), true);
        assertEquals(403, reviewer.status());
        assertEquals("FORBIDDEN", reviewer.json().getString("code"));
    }

    @Test
    void bytesChangedBehindTheStoresBackAreNeverServedAsGood() throws Exception {
        String caseNumber = openCase("LUMP_SUM").getString("caseNumber");
        byte[] pdf = Samples.pdf("死亡证明 " + caseNumber);
        JsonObject doc = CLERK.upload(caseNumber, "DEATH_CERTIFICATE", "死亡证明.pdf", "application/pdf", pdf, true)
                .json();
        Path file = Env.objectFile(doc.getString("sha256"));
        byte[] damaged = pdf.clone();
        damaged[damaged.length / 2] ^= 0x20;
        Files.write(file, damaged);

        Api.Response r = Api.as("archivist")
                .get("/api/documents/" + doc.getJsonNumber("id").longValue() + "/content");
        assertEquals(500, r.status());
        assertEquals("INTEGRITY_FAILURE", r.json().getString("code"));
    }

    @Test
    void theWorkflowRoundOfEachMinuteIsClaimedByANamedNode() throws Exception {
        assumeTrue(Env.postgresql(), "the embedded H2 file is locked by the server");
        long minuteNow = Instant.now().toEpochMilli() / 60_000;
        long deadline = System.currentTimeMillis() + 75_000;
        long tick = -1;
        String holder = null;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = Env.connect();
                    PreparedStatement s = c.prepareStatement("SELECT last_tick, holder FROM job_tick WHERE job = ?")) {
                s.setString(1, "workflow");
                try (ResultSet r = s.executeQuery()) {
                    assertTrue(r.next(), "the workflow job has its row");
                    tick = r.getLong(1);
                    holder = r.getString(2);
                }
            }
            if (tick >= minuteNow) {
                break;
            }
            Thread.sleep(2_000);
        }
        assertTrue(
                tick >= minuteNow, "this minute's round was claimed (last tick " + tick + ", now " + minuteNow + ")");
        assertTrue(tick <= minuteNow + 1, "no tick claimed ahead of time: " + tick);
        assertNotNull(holder);
        assertTrue(holder.contains("@"), "the claiming node is named instance@host: " + holder);
    }

    @Test
    void theDaysCounterStandsAtTheLastNumberItGave() throws Exception {
        assumeTrue(Env.postgresql(), "the embedded H2 file is locked by the server");
        String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
        assertTrue(caseNumber.matches("C\\d{16}"), caseNumber);
        try (Connection c = Env.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT last_number FROM case_day_counter WHERE day_key = ?")) {
            s.setString(1, caseNumber.substring(1, 9));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "the day has its counter");
                assertTrue(
                        r.getLong(1) >= Long.parseLong(caseNumber.substring(9)),
                        "counter " + r.getLong(1) + " at or past " + caseNumber);
            }
        }
        assertEquals(
                1,
                countRows("SELECT COUNT(*) FROM cluster_lock WHERE name = 'seed'"),
                "the seeder's lock row is there for instances starting together");
    }

    private static long countRows(String sql) throws Exception {
        try (Connection c = Env.connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void anArchivedCaseIsIndexedAndAnnouncedThroughTheOutboxInItsOwnTransaction() throws Exception {
        assumeTrue(Env.postgresql(), "the embedded H2 file is locked by the server");
        String caseNumber = Cases.archived("ENROLL", Cases.newPerson(), Map.of());
        try (Connection c = Env.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT kind, delivered_at IS NOT NULL, attempts FROM outbox WHERE case_number = ? ORDER BY id")) {
            s.setString(1, caseNumber);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + (r.getBoolean(2) ? " delivered" : " PENDING") + " " + r.getInt(3));
                }
            }
            assertEquals(
                    List.of(
                            "CASE_SUBMITTED delivered 0",
                            "CASE_DECIDED delivered 0",
                            "INDEX_CASE delivered 0",
                            "RECORD_ARCHIVED delivered 0"),
                    rows,
                    "written with the change, delivered by the request itself, first time");
        }
        String number = Api.as("archivist")
                .get("/api/archive/dossiers/" + caseNumber)
                .jsonArray()
                .getJsonObject(0)
                .getString("archiveNumber");
        assertEquals(
                1,
                Api.as("archivist")
                        .search(
                                "/api/archive/search?archiveNumber=" + number,
                                r -> r.getJsonNumber("total").longValue() == 1)
                        .getJsonArray("hits")
                        .size(),
                "searchable when archiving returns (SolrCloud: within a second)");
    }

    @Test
    void whatANodeLeftInTheOutboxIsDeliveredByTheRounds() throws Exception {
        assumeTrue(Env.postgresql(), "the embedded H2 file is locked by the server");
        String caseNumber = Cases.open(CLERK, "ENROLL");
        long id;
        try (Connection c = Env.connect()) {
            long caseId;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM business_case WHERE case_number = ?")) {
                s.setString(1, caseNumber);
                try (ResultSet r = s.executeQuery()) {
                    assertTrue(r.next());
                    caseId = r.getLong(1);
                }
            }
            // as a node that committed a change and died before delivering it leaves it
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO outbox (id, kind, case_id, case_number, created_at,"
                            + " attempts, next_at) VALUES (nextval('entity_seq'), 'INDEX_CASE', ?, ?, now() - interval '10'"
                            + " second, 0, now() - interval '10' second) RETURNING id")) {
                s.setLong(1, caseId);
                s.setString(2, caseNumber);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
        }
        long deadline = System.currentTimeMillis() + 20_000;
        boolean delivered = false;
        while (!delivered && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            try (Connection c = Env.connect();
                    PreparedStatement s =
                            c.prepareStatement("SELECT delivered_at IS NOT NULL FROM outbox WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    delivered = r.next() && r.getBoolean(1);
                }
            }
        }
        assertTrue(delivered, "a round on a living node delivered the message within 20 s");
    }

    private static JsonObject openCase(String type) throws Exception {
        Api.Response r = CLERK.post(
                "/api/cases",
                "{\"businessType\":\"" + type + "\",\"applicant\":{\"idNumber\":\"" + ID
                        + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}");
        assertEquals(201, r.status(), r.body());
        assertTrue(r.header("Location").endsWith(r.json().getString("caseNumber")));
        return r.json();
    }

    /** Where the server keeps its data in this run, and how to reach its database. */
    static final class Env {
        static boolean postgresql() {
            String url = System.getenv("EARCHIVE_DB_URL");
            return url != null && url.startsWith("jdbc:postgresql:");
        }

        static Connection connect() throws Exception {
            return DriverManager.getConnection(
                    System.getenv("EARCHIVE_DB_URL"),
                    System.getenv("EARCHIVE_DB_USER"),
                    System.getenv("EARCHIVE_DB_PASSWORD"));
        }

        static Path objects() {
            return Path.of(System.getenv("EARCHIVE_HOME"), "objects", "objects");
        }

        static Path objectFile(String sha256) {
            return objects()
                    .resolve(sha256.substring(0, 2))
                    .resolve(sha256.substring(2, 4))
                    .resolve(sha256);
        }

        static long objectCount() throws Exception {
            if (!Files.isDirectory(objects())) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(objects())) {
                return files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                        .count();
            }
        }
    }
}
