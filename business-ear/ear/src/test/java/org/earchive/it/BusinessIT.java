package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business modules and the electronic transfer: pension determination from archived evidence, risk signals for a
 * document presented twice, transfer packages out and in (verified on receipt, tampering refused whole), and the
 * service API for other systems.
 */
@ExtendWith(ArquillianExtension.class)
class BusinessIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api ARCHIVIST = Api.as("archivist");
    private static final Api MANAGER = Api.as("manager");
    private static final Api SERVICE = Api.as("reader");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
        Accounts.ensure("reader");
    }

    // ------------------------------------------------------------------------------------------------ pension

    @Test
    void aPensionIsRefusedWhileEvidenceIsMissingFromTheArchiveThenComputedAndItsSheetArchived() throws Exception {
        String person = Cases.newPerson();
        String caseNumber =
                Cases.ready("PENSION_BACKPAY", person, Map.of("PERSONNEL_FILE", Samples.pdf("人事档案 视同缴费年限 5 年")));
        String reviewer = Cases.submit(caseNumber);
        String figures =
                "{\"region\":\"440300\",\"year\":2026,\"retirementAge\":60,\"contributionYears\":25,\"deemedYears\":5,"
                        + "\"transferInYears\":3,\"backPayYears\":1,\"averageIndex\":1.2,\"accountBalance\":139000.00}";

        Api.Response refused = Api.as(reviewer).post("/api/pension/cases/" + caseNumber + "/determination", figures);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("EVIDENCE_MISSING", refused.json().getString("code"));
        assertTrue(refused.json().getString("message").contains("TRANSFER_CERTIFICATE"), refused.body());
        assertFalse(
                refused.json().getString("message").contains("PERSONNEL_FILE"), "the case's own personnel file counts");

        // the transfer-in is documented once the applicant's TRANSFER case is archived
        String transfer = Cases.archived("TRANSFER", person, Map.of());
        String transferRecord =
                ARCHIVIST.get("/api/archive/dossiers/" + transfer).jsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getString("material").equals("TRANSFER_CERTIFICATE"))
                        .findFirst()
                        .orElseThrow()
                        .getString("archiveNumber");

        Api.Response computed = Api.as(reviewer).post("/api/pension/cases/" + caseNumber + "/determination", figures);
        assertEquals(200, computed.status(), computed.body());
        JsonObject d = computed.json();
        // worked by hand in PensionFormulaTest: 12,964 × 2.2 / 2 × 30 × 1% + 139,000 / 139 + 12,964 × 1.2 × 5 × 1.2%
        assertEquals(
                "4278.12", d.getJsonNumber("basicPension").bigDecimalValue().toPlainString());
        assertEquals(
                "1000.00",
                d.getJsonNumber("personalAccountPension").bigDecimalValue().toPlainString());
        assertEquals(
                "933.41",
                d.getJsonNumber("transitionalPension").bigDecimalValue().toPlainString());
        assertEquals(
                "6211.53", d.getJsonNumber("monthlyPension").bigDecimalValue().toPlainString());
        assertEquals(139, d.getInt("divisor"));
        assertTrue(
                d.getJsonArray("evidence").getValuesAs(JsonObject.class).stream()
                        .anyMatch(e -> e.getString("material").equals("TRANSFER_CERTIFICATE")
                                && e.getString("source").equals(transferRecord)),
                d.toString());

        // a clerk cannot compute, nor a reviewer it is not assigned to
        assertEquals(
                403,
                CLERK.post("/api/pension/cases/" + caseNumber + "/determination", figures)
                        .status());

        // the sheet goes into the dossier with the case and passes the archive's four-property check (veraPDF)
        Cases.approve(caseNumber, reviewer);
        List<JsonObject> dossier =
                ARCHIVIST.get("/api/archive/dossiers/" + caseNumber).jsonArray().getValuesAs(JsonObject.class);
        assertTrue(
                dossier.stream()
                        .anyMatch(r -> r.getString("material").equals("PENSION_SHEET")
                                && r.getString("sha256").equals(d.getString("sheetSha256"))),
                dossier.toString());
    }

    // ------------------------------------------------------------------------------------------------ credit

    @Test
    void aCreditCheckReadsAnEmployersArchivedCasesAsAReaderAndEveryReadIsAudited() throws Exception {
        String code = "91350100M000100Y43"; // a valid code (GB 32100 check character 3), also used by CounterIT
        String person = Cases.newPerson();
        Api.Response opened = CLERK.post(
                "/api/cases",
                "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + person
                        + "\",\"name\":\"林涛\"},\"channel\":\"COUNTER\",\"employer\":{\"creditCode\":\"" + code
                        + "\",\"name\":\"福州某某有限公司\"}}");
        assertEquals(201, opened.status(), opened.body());
        String caseNumber = opened.json().getString("caseNumber");
        Cases.uploadRequired(CLERK, caseNumber, "employer " + code);
        Cases.approve(caseNumber, Cases.submit(caseNumber));

        Api.Response read = SERVICE.get("/api/employers/" + code + "/cases");
        assertEquals(200, read.status(), read.body());
        JsonObject mine = read.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("caseNumber").equals(caseNumber))
                .findFirst()
                .orElseThrow(() -> new AssertionError(caseNumber + " not in " + read.body()));
        assertEquals("参保登记", mine.getString("businessTypeName"));
        assertEquals(3, mine.getJsonArray("archiveNumbers").size(), mine.toString());
        assertFalse(read.body().contains(person), "a credit check is about the employer, not the applicant");
        assertEquals(403, CLERK.get("/api/employers/" + code + "/cases").status(), "reader role only");
        assertEquals(403, ARCHIVIST.get("/api/employers/" + code + "/cases").status(), "reader role only");
        Api.Response bad = SERVICE.get("/api/employers/91350100M000100Y44/cases");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("INVALID_CREDIT_CODE", bad.json().getString("code"));
        String audit = Api.as("auditor").get("/api/audit/events?limit=50").body();
        assertTrue(audit.contains("EMPLOYER_CASES_READ") && audit.contains("employer:" + code), "the read is audited");
    }

    // ------------------------------------------------------------------------------------------------ risk

    @Test
    void oneDeathCertificatePresentedForTwoLumpSumPaymentsIsFlaggedWithTheEvidence() throws Exception {
        byte[] certificate = Samples.pdf("居民死亡医学证明书 编号 L440300"
                + (100000000 + ThreadLocalRandom.current().nextInt(899999999)));
        String first = Cases.archived("LUMP_SUM", Cases.newPerson(), Map.of("DEATH_CERTIFICATE", certificate));
        assertEquals(
                List.of(), ARCHIVIST.get("/api/risk/cases/" + first + "/flags").jsonArray());

        // the same file again, for another applicant's lump sum
        String second = Cases.ready("LUMP_SUM", Cases.newPerson(), Map.of("DEATH_CERTIFICATE", certificate));
        String reviewer = Cases.submit(second);
        List<JsonObject> flags = awaitFlags(reviewer, second);
        JsonObject same = flags.stream()
                .filter(f -> f.getString("kind").equals("SAME_DOCUMENT"))
                .findFirst()
                .orElseThrow();
        assertEquals(first, same.getString("otherCase"));
        assertTrue(same.getString("evidence").contains("DEATH_CERTIFICATE"), same.toString());

        // a different scan of the same certificate: the number in its text gives it away
        String certificateNumber = certificateNumber(first);
        String third = Cases.ready(
                "LUMP_SUM",
                Cases.newPerson(),
                Map.of("DEATH_CERTIFICATE", Samples.pdf("居民死亡医学证明书 编号 " + certificateNumber + " 复印件")));
        List<JsonObject> byNumber = awaitFlags(Cases.submit(third), third);
        JsonObject numbered = byNumber.stream()
                .filter(f -> f.getString("kind").equals("SAME_CERTIFICATE_NUMBER"))
                .findFirst()
                .orElseThrow();
        assertEquals(first, numbered.getString("otherCase"));
        assertTrue(numbered.getString("evidence").contains(certificateNumber), numbered.toString());

        // managers see them; the same person's ID card in two different businesses is no risk
        List<JsonObject> all = MANAGER.get("/api/risk/flags").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(all.stream().anyMatch(f -> f.getString("caseNumber").equals(second)), all.toString());
        assertTrue(all.stream().anyMatch(f -> f.getString("caseNumber").equals(third)), all.toString());
        assertEquals(403, CLERK.get("/api/risk/flags").status());
    }

    @Test
    void anIdCardCopyOfAnotherPersonIsARiskSignalAndTheApplicantsOwnCardIsNot() throws Exception {
        String applicant = Cases.newPerson();
        String stranger = Cases.newPerson();
        // the OCR layer often splits a long number into groups: the rule joins them on a line
        String spaced = stranger.substring(0, 6) + " " + stranger.substring(6, 14) + " " + stranger.substring(14);
        // an application form carrying a number that fails its check character: a misread, never a person
        String misread = applicant.substring(0, 16) + (applicant.charAt(16) == '9' ? '0' : '9') + applicant.charAt(17);
        byte[] form = Samples.pdf("参保登记表 " + misread);
        String wrong = Cases.ready(
                "ENROLL", applicant, Map.of("ID_CARD", Samples.pdf("居民身份证 " + spaced), "APPLICATION_FORM", form));
        JsonObject mismatch = awaitFlags(Cases.submit(wrong), wrong).stream()
                .filter(f -> f.getString("kind").equals("APPLICANT_ID_MISMATCH"))
                .findFirst()
                .orElseThrow();
        String evidence = mismatch.getString("evidence");
        assertTrue(evidence.contains("ID_CARD"), evidence);
        assertTrue(evidence.contains(stranger.substring(0, 6) + "********" + stranger.substring(14)), evidence);
        assertFalse(evidence.contains(stranger), "never the whole number: " + evidence);
        assertFalse(evidence.contains("APPLICATION_FORM"), "a number failing its check is no number: " + evidence);

        // the applicant's own card: the same form (flagged as the same file in another applicant's case, which shows
        // the case was examined) but no identity signal
        String other = Cases.newPerson();
        String right = Cases.ready(
                "ENROLL", other, Map.of("ID_CARD", Samples.pdf("居民身份证 " + other), "APPLICATION_FORM", form));
        List<JsonObject> flags = awaitFlags(Cases.submit(right), right);
        assertTrue(flags.stream().anyMatch(f -> f.getString("kind").equals("SAME_DOCUMENT")), flags.toString());
        assertTrue(
                flags.stream().noneMatch(f -> f.getString("kind").equals("APPLICANT_ID_MISMATCH")), flags.toString());
    }

    private static String certificateNumber(String caseNumber) throws Exception {
        JsonObject record =
                ARCHIVIST.get("/api/archive/dossiers/" + caseNumber).jsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getString("material").equals("DEATH_CERTIFICATE"))
                        .findFirst()
                        .orElseThrow();
        String text = ARCHIVIST
                .get("/api/documents/" + record.getJsonNumber("documentId").longValue() + "/text")
                .body();
        Matcher m = Pattern.compile("L440300\\d+").matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }

    private static List<JsonObject> awaitFlags(String reviewer, String caseNumber) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            Api.Response r = Api.as(reviewer).get("/api/risk/cases/" + caseNumber + "/flags");
            assertEquals(200, r.status(), r.body());
            List<JsonObject> flags = r.jsonArray().getValuesAs(JsonObject.class);
            if (!flags.isEmpty() || System.currentTimeMillis() > until) {
                assertFalse(flags.isEmpty(), "no risk signal on " + caseNumber + " within 30 s of its submission");
                return flags;
            }
            Thread.sleep(300);
        }
    }

    // ------------------------------------------------------------------------------------------------ transfer

    @Test
    void aPersonsArchiveMovesToAnotherOfficeVerifiedOnReceiptAndTamperedPackagesAreRefusedWhole() throws Exception {
        String person = Cases.newPerson();
        Cases.archived("ENROLL", person, Map.of());
        Cases.archived("TRANSFER", person, Map.of());
        int held = ARCHIVIST.get("/api/archive/persons/" + person).jsonArray().size();
        assertTrue(held >= 7, "records of the person: " + held);

        Api.Response exported =
                ARCHIVIST.post("/api/transfers/exports", "{\"scope\":\"PERSON\",\"citizenId\":\"" + person + "\"}");
        assertEquals(200, exported.status(), exported.body());
        assertEquals("application/zip", exported.header("Content-Type"));
        byte[] bag = exported.bytes();
        Map<String, byte[]> entries = unzip(bag);
        String root = entries.keySet().iterator().next().split("/")[0];
        assertTrue(
                entries.containsKey(root + "/bagit.txt")
                        && entries.containsKey(root + "/manifest-sha256.txt")
                        && entries.containsKey(root + "/tagmanifest-sha256.txt")
                        && entries.containsKey(root + "/bag-info.txt"),
                entries.keySet().toString());
        assertEquals(
                held * 2,
                entries.keySet().stream().filter(n -> n.contains("/data/")).count(),
                "a file and a record.xml per record");
        String xml = new String(
                entries.entrySet().stream()
                        .filter(e -> e.getKey().endsWith("record.xml"))
                        .findFirst()
                        .orElseThrow()
                        .getValue(),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<sm3>") || xml.contains("sm3=\""), xml);
        assertTrue(xml.contains("fourPropertyCheck") && xml.contains("<provenance>") && xml.contains("<audit>"), xml);

        // a clerk may not export; verification changes nothing
        assertEquals(
                403,
                CLERK.post("/api/transfers/exports", "{\"scope\":\"PERSON\",\"citizenId\":\"" + person + "\"}")
                        .status());
        Api.Response verified = ARCHIVIST.postBytes("/api/transfers/verify", "application/zip", bag);
        assertEquals(200, verified.status(), verified.body());
        assertEquals("VERIFIED", verified.json().getString("outcome"));

        // tampered packages: each is refused whole, naming the problem, and nothing enters the receiving office
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        String aPdf = firstPayload(entries, ".pdf");
        changed.get(aPdf)[changed.get(aPdf).length - 10] ^= 1;
        assertRejected(zip(changed), "changed file: " + aPdf.substring(root.length() + 1));

        Map<String, byte[]> missing = new LinkedHashMap<>(entries);
        missing.remove(aPdf);
        assertRejected(zip(missing), "missing file: " + aPdf.substring(root.length() + 1));

        Map<String, byte[]> extra = new LinkedHashMap<>(entries);
        extra.put(root + "/data/records/unlisted.txt", "smuggled".getBytes(StandardCharsets.UTF_8));
        assertRejected(zip(extra), "extra file: data/records/unlisted.txt");

        // bad XML with the manifests recomputed, as a careless sender would: the schema catches it
        Map<String, byte[]> badXml = new LinkedHashMap<>(entries);
        String aXml = firstPayload(entries, "record.xml");
        badXml.put(
                aXml,
                new String(entries.get(aXml), StandardCharsets.UTF_8)
                        .replaceFirst("<retention>[A-Z0-9]+</retention>", "<retention>FOREVER</retention>")
                        .getBytes(StandardCharsets.UTF_8));
        rebag(badXml, root);
        assertRejected(zip(badXml), "record.xml is not valid against earchive-record-1.0.xsd");

        // the sound package is imported into the receiving office's fonds under its own numbers, keeping provenance
        Api.Response imported = ARCHIVIST.postBytes("/api/transfers/imports?fonds=F902", "application/zip", bag);
        assertEquals(201, imported.status(), imported.body());
        assertEquals(held, imported.json().getInt("imported"));
        List<String> numbers = imported.json().getJsonArray("archiveNumbers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        assertTrue(numbers.stream().allMatch(n -> n.startsWith("F902-")), numbers.toString());
        assertEquals(
                held * 2,
                ARCHIVIST.get("/api/archive/persons/" + person).jsonArray().size(),
                "the sender's records and the received copies");

        // the same package again adds nothing
        Api.Response again = ARCHIVIST.postBytes("/api/transfers/imports?fonds=F902", "application/zip", bag);
        assertEquals(200, again.status(), again.body());
        assertEquals("ALREADY_HELD", again.json().getString("outcome"));
        assertEquals(held, again.json().getInt("alreadyHeld"));
        assertEquals(
                held * 2,
                ARCHIVIST.get("/api/archive/persons/" + person).jsonArray().size());

        // the received dossier passes the four-property check on demand, and the register has every step
        JsonObject received =
                ARCHIVIST.get("/api/archive/records/" + numbers.get(0)).json();
        Api.Response check =
                ARCHIVIST.post("/api/archive/dossiers/" + received.getString("caseNumber") + "/checks", "{}");
        assertEquals(200, check.status(), check.body());
        assertTrue(check.json().getBoolean("passed"), check.body());
        List<JsonObject> register =
                ARCHIVIST.get("/api/transfers/register").jsonArray().getValuesAs(JsonObject.class);
        String packageId = imported.json().getString("packageId");
        String printed = Printed.text(ARCHIVIST.get("/api/transfers/register.pdf?limit=20"));
        assertTrue(printed.contains("电子档案移交登记簿") && printed.contains("接收人"), printed);
        for (String outcome : List.of("EXPORTED", "IMPORTED", "ALREADY_HELD", "REJECTED")) {
            assertTrue(
                    register.stream()
                            .anyMatch(e -> e.getString("packageId").equals(packageId)
                                    && e.getString("outcome").equals(outcome)),
                    outcome + " missing from " + register);
        }
    }

    private static void assertRejected(byte[] pkg, String problem) throws Exception {
        Api.Response r = ARCHIVIST.postBytes("/api/transfers/imports?fonds=F902", "application/zip", pkg);
        assertEquals(422, r.status(), r.body());
        assertEquals("REJECTED", r.json().getString("outcome"));
        assertEquals(0, r.json().getInt("imported"));
        assertTrue(
                r.json().getJsonArray("problems").getValuesAs(JsonString.class).stream()
                        .anyMatch(p -> p.getString().contains(problem)),
                problem + " not in " + r.body());
    }

    private static String firstPayload(Map<String, byte[]> entries, String suffix) {
        return entries.keySet().stream()
                .filter(n -> n.contains("/data/") && n.endsWith(suffix))
                .findFirst()
                .orElseThrow();
    }

    /** Recomputes manifest-sha256.txt and tagmanifest-sha256.txt over the (changed) entries. */
    private static void rebag(Map<String, byte[]> entries, String root) throws Exception {
        StringBuilder manifest = new StringBuilder();
        long octets = 0;
        int files = 0;
        for (var e : entries.entrySet()) {
            if (e.getKey().startsWith(root + "/data/")) {
                manifest.append(sha256(e.getValue()))
                        .append("  ")
                        .append(e.getKey().substring(root.length() + 1))
                        .append('\n');
                octets += e.getValue().length;
                files++;
            }
        }
        entries.put(root + "/manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        String info = new String(entries.get(root + "/bag-info.txt"), StandardCharsets.UTF_8)
                .replaceFirst("Payload-Oxum: \\S+", "Payload-Oxum: " + octets + "." + files);
        entries.put(root + "/bag-info.txt", info.getBytes(StandardCharsets.UTF_8));
        StringBuilder tags = new StringBuilder();
        for (String tag : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt")) {
            tags.append(sha256(entries.get(root + "/" + tag)))
                    .append("  ")
                    .append(tag)
                    .append('\n');
        }
        entries.put(root + "/tagmanifest-sha256.txt", tags.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().clone());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ service API

    @Test
    void theServiceApiAnswersServiceAccountsOnly() throws Exception {
        String person = Cases.newPerson();
        String caseNumber = Cases.archived("ENROLL", person, Map.of());
        for (String user : List.of("clerk", "archivist", "admin")) {
            assertEquals(
                    403,
                    Api.as(user)
                            .get("/api/service/persons/" + person + "/records")
                            .status(),
                    user);
        }
        assertEquals(
                401,
                Api.anonymous()
                        .get("/api/service/persons/" + person + "/records")
                        .status());

        List<JsonObject> records = SERVICE.get("/api/service/persons/" + person + "/records")
                .jsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(3, records.size(), records.toString());
        assertTrue(records.stream().allMatch(r -> r.getString("caseNumber").equals(caseNumber)));
        JsonObject idCard = records.stream()
                .filter(r -> r.getString("material").equals("ID_CARD"))
                .findFirst()
                .orElseThrow();

        JsonObject has = SERVICE.get("/api/service/persons/" + person + "/materials/ID_CARD")
                .json();
        assertTrue(has.getBoolean("valid"), has.toString());
        assertEquals(idCard.getString("archiveNumber"), has.getString("archiveNumber"));
        assertFalse(has.getString("citizenId").equals(person), "the answer shows the ID masked");
        assertFalse(SERVICE.get("/api/service/persons/" + person + "/materials/DEATH_CERTIFICATE")
                .json()
                .getBoolean("valid"));

        Api.Response content = SERVICE.get("/api/service/records/" + idCard.getString("archiveNumber") + "/content");
        assertEquals(200, content.status());
        assertEquals(idCard.getString("sha256"), sha256(content.bytes()));
        assertEquals(
                403,
                CLERK.get("/api/service/records/" + idCard.getString("archiveNumber"))
                        .status());
    }
}
