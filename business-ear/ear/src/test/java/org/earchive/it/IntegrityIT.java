package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.earchive.storage.StoredObject;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing lost or silently changed: the fixity audit finds damaged, missing and orphan objects and records them in
 * the audit trail; the orphan cleanup removes what a crash left behind; the hash-chained audit trail detects a row
 * changed or deleted directly in the database.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class IntegrityIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api AUDITOR = Api.as("auditor");
    private static final Api ADMIN = Api.as("admin");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensure("clerk", "auditor", "admin");
    }

    @Test
    void theFixityAuditFindsDamagedMissingAndOrphanObjectsAndTheCleanupRemovesOrphans() throws Exception {
        String caseNumber = Cases.open(CLERK, "PENSION");
        JsonObject damaged = Cases.upload(CLERK, caseNumber, "CLAIM_FORM", Samples.pdf("claim " + caseNumber));
        JsonObject lost = Cases.upload(CLERK, caseNumber, "BANK_CARD", Samples.pdf("bank " + caseNumber));
        JsonObject whole = Cases.upload(CLERK, caseNumber, "ID_CARD", Samples.pdf("id " + caseNumber));
        String damagedKey = "sha256/" + damaged.getString("sha256");
        String lostKey = "sha256/" + lost.getString("sha256");
        String wholeKey = "sha256/" + whole.getString("sha256");

        Path damagedFile = ThinPathIT.Env.objectFile(damaged.getString("sha256"));
        byte[] bytes = Files.readAllBytes(damagedFile);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(damagedFile, bytes);
        Files.delete(ThinPathIT.Env.objectFile(lost.getString("sha256")));

        // A crash between the object write and the database commit leaves an object no row refers to.
        String orphanKey = crashLeftover(Instant.now().minusSeconds(2 * 3600));
        String freshKey = crashLeftover(Instant.now());

        Api.Response clerkTries = CLERK.post("/api/admin/fixity-audit", "");
        assertEquals(403, clerkTries.status(), "only admin and auditor run the audit");

        Api.Response r = AUDITOR.post("/api/admin/fixity-audit", "");
        assertEquals(200, r.status(), r.body());
        JsonObject report = r.json();
        assertTrue(report.getJsonNumber("checked").longValue() >= 3);
        List<String> mismatched = report.getJsonArray("mismatches").stream()
                .map(v -> v.asJsonObject().getString("key"))
                .toList();
        assertTrue(mismatched.contains(damagedKey), report.toString());
        assertFalse(mismatched.contains(wholeKey), report.toString());
        assertTrue(strings(report, "missing").contains(lostKey), report.toString());
        assertTrue(strings(report, "orphans").contains(orphanKey), report.toString());
        assertFalse(strings(report, "orphans").contains(freshKey), "an upload still in flight is not an orphan yet");

        String events = AUDITOR.get("/api/audit/events?limit=200").body();
        assertTrue(events.contains("\"FIXITY_MISMATCH\"") && events.contains(damagedKey), "the audit log shows it");
        assertTrue(events.contains("\"OBJECT_MISSING\"") && events.contains(lostKey));
        assertTrue(events.contains("\"FIXITY_AUDIT\""));

        Api.Response cleanup = ADMIN.post("/api/admin/orphan-cleanup", "");
        assertEquals(200, cleanup.status(), cleanup.body());
        assertTrue(strings(cleanup.json(), "removed").contains(orphanKey));
        assertFalse(Files.exists(ThinPathIT.Env.objectFile(orphanKey.substring(7))), "the orphan is gone");
        assertTrue(Files.exists(ThinPathIT.Env.objectFile(freshKey.substring(7))), "the fresh object is kept");
        assertTrue(Files.exists(ThinPathIT.Env.objectFile(wholeKey.substring(7))), "referenced objects are kept");
    }

    @Test
    void theIncrementalCheckVerifiesDueObjectsInSlicesAndShowsTheCyclesCoverage() throws Exception {
        String caseNumber = Cases.open(CLERK, "PENSION");
        JsonObject damaged = Cases.upload(CLERK, caseNumber, "CLAIM_FORM", Samples.pdf("slice claim " + caseNumber));
        JsonObject whole = Cases.upload(CLERK, caseNumber, "ID_CARD", Samples.pdf("slice id " + caseNumber));
        String damagedKey = "sha256/" + damaged.getString("sha256");
        String wholeKey = "sha256/" + whole.getString("sha256");
        JsonObject entered = state(wholeKey);
        assertFalse(entered.containsKey("verifiedAt") && !entered.isNull("verifiedAt"), entered.toString());
        assertTrue(
                Instant.parse(entered.getString("dueAt")).isAfter(Instant.now().plusSeconds(23 * 3600)),
                "a new object is first read back the next day: " + entered);

        Path damagedFile = ThinPathIT.Env.objectFile(damaged.getString("sha256"));
        byte[] bytes = Files.readAllBytes(damagedFile);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(damagedFile, bytes);

        assertEquals(403, CLERK.post("/api/admin/fixity/slice", "").status(), "only admin and auditor");
        assertEquals(403, CLERK.get("/api/admin/fixity/coverage").status());
        Api.Response due =
                AUDITOR.post("/api/admin/fixity/recheck", "{\"keys\":[\"" + damagedKey + "\",\"" + wholeKey + "\"]}");
        assertEquals(200, due.status(), due.body());
        assertEquals(2, due.json().getInt("due"));
        // slices until both are verified (the minute's round on the server may take them first: same outcome)
        for (int i = 0; i < 40 && (unverified(damagedKey) || unverified(wholeKey)); i++) {
            Api.Response slice = AUDITOR.post("/api/admin/fixity/slice?objects=500", "");
            assertEquals(200, slice.status(), slice.body());
            assertFalse(slice.json().getString("node").isBlank());
        }
        JsonObject bad = state(damagedKey);
        assertEquals("MISMATCH", bad.getString("outcome"), bad.toString());
        JsonObject good = state(wholeKey);
        assertEquals("OK", good.getString("outcome"), good.toString());
        Instant verified = Instant.parse(good.getString("verifiedAt"));
        long days = Duration.between(verified, Instant.parse(good.getString("dueAt")))
                .toDays();
        assertEquals(90, days, "next due one cycle later: " + good);

        JsonObject coverage = AUDITOR.get("/api/admin/fixity/coverage").json();
        assertEquals(90, coverage.getInt("cycleDays"));
        assertTrue(coverage.getJsonNumber("verifiedInCycle").longValue() >= 2, coverage.toString());
        assertTrue(coverage.getJsonNumber("objects").longValue()
                >= coverage.getJsonNumber("verifiedInCycle").longValue());
        assertFalse(coverage.isNull("oldestVerification"), coverage.toString());
        assertTrue(
                coverage.getJsonArray("failing").stream()
                        .anyMatch(f -> f.asJsonObject().getString("objectKey").equals(damagedKey)),
                coverage.toString());
        assertTrue(coverage.getJsonArray("failing").stream()
                .noneMatch(f -> f.asJsonObject().getString("objectKey").equals(wholeKey)));
        String events = AUDITOR.get("/api/audit/events?limit=200").body();
        assertTrue(events.contains("\"FIXITY_MISMATCH\"") && events.contains(damagedKey), "the audit log shows it");
    }

    @Test
    void theOrphanScanWalksTheStoreInSlicesAndTheCleanupRemovesWhatItFound() throws Exception {
        String orphanKey = crashLeftover(Instant.now().minusSeconds(2 * 3600));
        String freshKey = crashLeftover(Instant.now());
        assertEquals(403, CLERK.post("/api/admin/fixity/orphan-slice", "").status());
        // slices until a pass has gone over the whole store (the minute's round on the server may run some of them)
        long passes = AUDITOR.get("/api/admin/fixity/coverage")
                .json()
                .getJsonObject("orphanScan")
                .getJsonNumber("passes")
                .longValue();
        for (int i = 0; i < 200; i++) {
            Api.Response slice = AUDITOR.post("/api/admin/fixity/orphan-slice?keys=500", "");
            assertEquals(200, slice.status(), slice.body());
            if (orphanScan().getJsonNumber("passes").longValue() > passes) {
                break;
            }
        }
        JsonObject scan = orphanScan();
        assertTrue(scan.getJsonNumber("passes").longValue() > passes, "a whole pass: " + scan);
        assertTrue(scan.getJsonNumber("lastPassScanned").longValue() >= 2, scan.toString());
        assertTrue(
                strings(scan, "orphanKeys").contains(orphanKey)
                        || scan.getJsonNumber("orphans").longValue() > 20,
                scan.toString());

        Api.Response cleanup = ADMIN.post("/api/admin/orphan-cleanup", "");
        assertEquals(200, cleanup.status(), cleanup.body());
        assertTrue(strings(cleanup.json(), "removed").contains(orphanKey), cleanup.body());
        assertFalse(Files.exists(ThinPathIT.Env.objectFile(orphanKey.substring(7))), "the orphan is gone");
        assertTrue(Files.exists(ThinPathIT.Env.objectFile(freshKey.substring(7))), "an upload in flight is kept");
        assertFalse(strings(orphanScan(), "orphanKeys").contains(orphanKey), "and no longer listed");
    }

    private static JsonObject orphanScan() throws Exception {
        return AUDITOR.get("/api/admin/fixity/coverage").json().getJsonObject("orphanScan");
    }

    private static JsonObject state(String key) throws Exception {
        Api.Response r = AUDITOR.get("/api/admin/fixity/object?key=" + key);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static boolean unverified(String key) throws Exception {
        JsonObject s = state(key);
        return !s.containsKey("verifiedAt") || s.isNull("verifiedAt");
    }

    @Test
    void theAuditChainVerifiesAndOnlyAuditorsMayAsk() throws Exception {
        Cases.open(CLERK, "ENROLL");
        assertEquals(403, CLERK.get("/api/audit/verify").status());
        JsonObject v = AUDITOR.get("/api/audit/verify").json();
        assertTrue(v.getBoolean("valid"), v.toString());
        assertTrue(v.getJsonNumber("checked").longValue() > 0);
        String events = AUDITOR.get("/api/audit/events?limit=50").body();
        assertTrue(events.contains("\"CASE_OPENED\""));
        assertFalse(events.contains("11010519491231002X"), "no full citizen ID in the audit trail");
        assertTrue(events.contains("110105********002X"));
    }

    @Test
    void aRowChangedOrDeletedInTheDatabaseBreaksTheChain() throws Exception {
        assumeTrue(
                ThinPathIT.Env.postgresql(), "the embedded H2 file is locked by the server; PostgreSQL can be edited");
        Cases.open(CLERK, "BACKPAY");
        Cases.open(CLERK, "BACKPAY");
        try (Connection c = ThinPathIT.Env.connect()) {
            long seq = single(c, "SELECT MAX(seq) - 1 FROM audit_event");
            String detail = text(c, "SELECT detail FROM audit_event WHERE seq = " + seq);

            update(c, "UPDATE audit_event SET detail = 'BACKPAY for someone else' WHERE seq = " + seq);
            JsonObject changed = AUDITOR.get("/api/audit/verify").json();
            assertFalse(changed.getBoolean("valid"), changed.toString());
            assertEquals(seq, changed.getJsonNumber("firstBrokenSeq").longValue());
            assertTrue(changed.getString("reason").contains("changed"), changed.toString());

            try (PreparedStatement s = c.prepareStatement("UPDATE audit_event SET detail = ? WHERE seq = ?")) {
                s.setString(1, detail);
                s.setLong(2, seq);
                s.executeUpdate();
            }
            assertTrue(AUDITOR.get("/api/audit/verify").json().getBoolean("valid"), "restored: whole again");

            Properties row = row(c, seq);
            update(c, "DELETE FROM audit_event WHERE seq = " + seq);
            JsonObject deleted = AUDITOR.get("/api/audit/verify").json();
            assertFalse(deleted.getBoolean("valid"), deleted.toString());
            assertEquals(seq, deleted.getJsonNumber("firstBrokenSeq").longValue());
            reinsert(c, row);
            assertTrue(AUDITOR.get("/api/audit/verify").json().getBoolean("valid"), "restored: whole again");
        }
    }

    /** Writes an object straight into the server's store, as if the server died before recording it. */
    private static String crashLeftover(Instant storedAt) throws Exception {
        Path root = Path.of(System.getenv("EARCHIVE_HOME"), "objects");
        byte[] bytes =
                ("left behind by a crash " + storedAt + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        StoredObject o = new FileSystemObjectStore(root).put(new ByteArrayInputStream(bytes), "application/pdf");
        Path meta = ThinPathIT.Env.objectFile(o.sha256()).resolveSibling(o.sha256() + ".meta");
        String text = Files.readString(meta)
                .replaceAll("storedAt=.*", "storedAt=" + storedAt.toString().replace(":", "\\\\:"));
        Files.writeString(meta, text);
        return o.key();
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).stream()
                .map(v -> ((JsonString) v).getString())
                .toList();
    }

    private static long single(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static Properties row(Connection c, long seq) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM audit_event WHERE seq = " + seq);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Properties p = new Properties();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                p.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            return p;
        }
    }

    private static void reinsert(Connection c, Properties row) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (seq, occurred_at, actor, action, target, detail, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            String[] columns = {"seq", "occurred_at", "actor", "action", "target", "detail", "prev_hash", "hash"};
            for (int i = 0; i < columns.length; i++) {
                s.setObject(i + 1, row.get(columns[i]));
            }
            s.executeUpdate();
        }
    }
}
