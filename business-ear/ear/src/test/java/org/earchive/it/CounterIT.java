package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The counter's side of the archive: a catalogue the administrator edits without a redeploy, the employer's credit
 * code, the one-time notification, reusing an archived material instead of collecting it again, and the live counts
 * of the monitoring screen.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class CounterIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api ADMIN = Api.as("admin");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    private static JsonObject type(String code) throws Exception {
        return CLERK.get("/api/catalogue/business-types").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("code").equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAdministratorChangesTheCatalogueAndTheNextCaseFollowsIt() throws Exception {
        JsonObject backpay = type("BACKPAY");
        JsonArray materials = backpay.getJsonArray("materials");
        JsonObjectBuilder changed = Json.createObjectBuilder(backpay)
                .add("deadlineHours", backpay.getInt("deadlineHours") + 24)
                .add(
                        "materials",
                        Json.createArrayBuilder(materials)
                                .add(Json.createObjectBuilder()
                                        .add("code", "SALARY_LEDGER")
                                        .add("nameZh", "工资台账")
                                        .add("nameEn", "Payroll ledger")
                                        .add("required", true)));
        String body = changed.build().toString();

        assertEquals(
                403, CLERK.put("/api/catalogue/business-types/BACKPAY", body).status());
        Api.Response saved = ADMIN.put("/api/catalogue/business-types/BACKPAY", body);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(backpay.getInt("deadlineHours") + 24, saved.json().getInt("deadlineHours"));

        String caseNumber = Cases.open(CLERK, "BACKPAY");
        JsonObject view = CLERK.get("/api/cases/" + caseNumber).json();
        assertTrue(
                view.getJsonArray("missingMaterials").toString().contains("SALARY_LEDGER"),
                "the new material is asked for");

        Api.Response stale = ADMIN.put("/api/catalogue/business-types/BACKPAY", body);
        assertEquals(409, stale.status(), "a save with the version read before someone else's change is refused");
        Api.Response badRetention = ADMIN.put(
                "/api/catalogue/business-types/BACKPAY",
                Json.createObjectBuilder(saved.json())
                        .add("retention", "Y20")
                        .build()
                        .toString());
        assertEquals(400, badRetention.status());
        assertTrue(badRetention.json().getString("message").contains("retention"), badRetention.body());

        // put the catalogue back as it was for the other tests
        Api.Response restored = ADMIN.put(
                "/api/catalogue/business-types/BACKPAY",
                Json.createObjectBuilder(backpay)
                        .add("version", saved.json().getInt("version"))
                        .build()
                        .toString());
        assertEquals(200, restored.status(), restored.body());
        assertFalse(type("BACKPAY").getJsonArray("materials").toString().contains("SALARY_LEDGER"));
    }

    @Test
    void anEmployerIsIdentifiedByAValidCreditCode() throws Exception {
        String applicant = "{\"idNumber\":\"" + Cases.CITIZEN_ID + "\",\"name\":\"王芳\"}";
        Api.Response ok = CLERK.post(
                "/api/cases",
                "{\"businessType\":\"ENROLL\",\"applicant\":" + applicant
                        + ",\"channel\":\"COUNTER\",\"employer\":{\"creditCode\":\"91350100M000100Y43\",\"name\":\"福州某某有限公司\"}}");
        assertEquals(201, ok.status(), ok.body());
        assertEquals("91350100M000100Y43", ok.json().getString("employerCode"));
        Api.Response typo = CLERK.post(
                "/api/cases",
                "{\"businessType\":\"ENROLL\",\"applicant\":" + applicant
                        + ",\"channel\":\"COUNTER\",\"employer\":{\"creditCode\":\"91350100M000100Y44\",\"name\":\"x\"}}");
        assertEquals(400, typo.status());
        assertEquals("INVALID_CREDIT_CODE", typo.json().getString("code"));
    }

    @Test
    void theOneTimeNotificationListsEveryMissingMaterialForPrinting() throws Exception {
        String caseNumber = Cases.open(CLERK, "PENSION");
        Cases.upload(CLERK, caseNumber, "ID_CARD", Samples.pdf("id"));
        Api.Response notice = CLERK.get("/api/cases/" + caseNumber + "/notice");
        assertEquals(200, notice.status());
        assertTrue(notice.header("Content-Type").startsWith("text/html"), notice.header("Content-Type"));
        String html = notice.body();
        assertTrue(html.contains("一次性告知书") && html.contains(caseNumber), html);
        JsonObject view = CLERK.get("/api/cases/" + caseNumber).json();
        for (JsonValue m : view.getJsonArray("requiredMaterials")) {
            JsonObject material = m.asJsonObject();
            if (material.getBoolean("required")) {
                assertEquals(
                        !material.getBoolean("provided"),
                        html.contains("<td>" + material.getString("nameZh") + "<br>"),
                        material.getString("code") + " is listed exactly when it is missing");
            }
        }
        assertFalse(html.contains(Cases.CITIZEN_ID), "the notice shows the masked citizen ID");
    }

    @Test
    void anArchivedMaterialOfThePersonIsReusedInsteadOfCollectedAgain() throws Exception {
        String enroll = Cases.open(CLERK, "ENROLL");
        Cases.uploadRequired(CLERK, enroll, "reuse source");
        String reviewer =
                CLERK.post("/api/cases/" + enroll + "/submit", "{}").json().getString("assignedTo");
        assertEquals(
                "ARCHIVED",
                Api.as(reviewer)
                        .post("/api/tasks/" + enroll + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}")
                        .json()
                        .getString("status"));
        String idCard = Api.as("archivist")
                .get("/api/archive/dossiers/" + enroll)
                .jsonArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(r -> r.getString("material").equals("ID_CARD"))
                .findFirst()
                .orElseThrow()
                .getString("archiveNumber");

        String pension = Cases.open(CLERK, "PENSION");
        List<String> offered =
                CLERK.get("/api/cases/" + pension + "/reusable").jsonArray().getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getString("archiveNumber"))
                        .toList();
        assertTrue(offered.contains(idCard), "the ID card copy archived with the enrollment is offered: " + offered);
        Api.Response reused =
                CLERK.post("/api/cases/" + pension + "/documents/reuse", "{\"archiveNumber\":\"" + idCard + "\"}");
        assertEquals(201, reused.status(), reused.body());
        Api.Response again =
                CLERK.post("/api/cases/" + pension + "/documents/reuse", "{\"archiveNumber\":\"" + idCard + "\"}");
        assertEquals(200, again.status(), "reusing twice makes one document");
        assertEquals(
                reused.json().getJsonNumber("id").longValue(),
                again.json().getJsonNumber("id").longValue());
        JsonObject view = CLERK.get("/api/cases/" + pension).json();
        assertFalse(
                view.getJsonArray("missingMaterials").toString().contains("\"ID_CARD\""), "the ID card is provided");
        assertFalse(CLERK.get("/api/cases/" + pension + "/reusable").body().contains(idCard), "not offered twice");
        String events = Api.as("auditor").get("/api/audit/events?limit=50").body();
        assertTrue(events.contains("DOCUMENT_REUSED") && events.contains(idCard), "the reuse is recorded");

        String otherPerson = CLERK.post(
                        "/api/cases",
                        "{\"businessType\":\"PENSION\",\"applicant\":{\"idNumber\":\"110105194912310038\","
                                + "\"name\":\"李强\"},\"channel\":\"COUNTER\"}")
                .json()
                .getString("caseNumber");
        Api.Response refused =
                CLERK.post("/api/cases/" + otherPerson + "/documents/reuse", "{\"archiveNumber\":\"" + idCard + "\"}");
        assertEquals(400, refused.status(), "another person's record is never reused");
    }

    @Test
    void theMonitoringScreenCountsTodaysCasesTheBacklogAndOverdueCases() throws Exception {
        assertEquals(403, CLERK.get("/api/monitoring/summary").status());
        JsonObject before = Api.as("manager").get("/api/monitoring/summary").json();
        String caseNumber = Cases.open(CLERK, "TRANSFER");
        JsonObject after = Api.as("manager").get("/api/monitoring/summary").json();
        assertEquals(
                before.getJsonNumber("casesToday").longValue() + 1,
                after.getJsonNumber("casesToday").longValue());
        assertEquals(
                count(before.getJsonObject("todayByChannel"), "COUNTER") + 1,
                count(after.getJsonObject("todayByChannel"), "COUNTER"));
        assertTrue(count(after.getJsonObject("backlogByState"), "ACCEPTED") >= 1);
        assertTrue(after.getJsonArray("reviewers").toString().contains("\"reviewer\""), after.toString());
        if (ThinPathIT.Env.postgresql()) {
            try (Connection c = ThinPathIT.Env.connect();
                    PreparedStatement s = c.prepareStatement(
                            "UPDATE business_case SET due_at = now() - interval '1 hour' WHERE case_number = ?")) {
                s.setString(1, caseNumber);
                assertEquals(1, s.executeUpdate());
            }
            JsonObject late = Api.as("manager").get("/api/monitoring/summary").json();
            assertEquals(
                    after.getJsonNumber("overdue").longValue() + 1,
                    late.getJsonNumber("overdue").longValue());
            assertTrue(CLERK.get("/api/cases/" + caseNumber).json().getBoolean("overdue"), "the case is flagged too");
        }
    }

    @Test
    void eachNodeTellsHowLongItsAuditedChangesWaitedForTheAuditChainsHead() throws Exception {
        assertEquals(403, CLERK.get("/api/monitoring/node").status());
        JsonObject before = Api.as("manager").get("/api/monitoring/node").json();
        Cases.archived("ENROLL", Cases.newPerson(), Map.of()); // opened, uploaded, submitted, approved: all audited
        JsonObject after = Api.as("manager").get("/api/monitoring/node").json();
        assertFalse(after.getString("node").isBlank(), after.toString());
        JsonObject waits = after.getJsonObject("auditHeadWait");
        long added = waits.getJsonNumber("count").longValue()
                - before.getJsonObject("auditHeadWait").getJsonNumber("count").longValue();
        assertTrue(added >= 4, "each audited change counted: " + added);
        long inBuckets = waits.getJsonObject("buckets").values().stream()
                .mapToLong(v -> ((JsonNumber) v).longValue())
                .sum();
        assertEquals(waits.getJsonNumber("count").longValue(), inBuckets, "the buckets add up to the count");
        assertTrue(
                waits.getJsonNumber("p99Micros").longValue()
                        <= waits.getJsonNumber("maxMicros").longValue(),
                waits.toString());
    }

    @Test
    void anAdministratorManagesAccountsAndAnAbsentReviewerGetsNoNewCase() throws Exception {
        String password = "Rare-skill-2026";
        String user =
                "{\"username\":\"absentee\",\"displayName\":\"请假审核员\",\"hall\":\"BACK-09\",\"roles\":[\"reviewer\"],"
                        + "\"skills\":[\"rareskill\"],\"absent\":%s,\"enabled\":true,\"password\":%s}";
        assertEquals(
                403,
                CLERK.put("/api/admin/users/absentee", String.format(user, "true", "\"" + password + "\""))
                        .status());
        Api.Response weak = ADMIN.put("/api/admin/users/absentee", String.format(user, "true", "\"short1\""));
        assertEquals(400, weak.status());
        assertTrue(weak.json().getString("message").contains("password"), weak.body());
        Api.Response created =
                ADMIN.put("/api/admin/users/absentee", String.format(user, "true", "\"" + password + "\""));
        assertEquals(200, created.status(), created.body());
        assertFalse(created.body().contains(password), "a password is never sent back");
        password = Accounts.firstSignIn("absentee", password, "Rare-skill-2027");
        Api.Response me = new Api("absentee", password).get("/api/session");
        assertEquals(200, me.status(), "the new account signs in");
        assertTrue(me.body().contains("reviewer"));

        // a business type only this reviewer can decide
        Api.Response type = ADMIN.put(
                "/api/catalogue/business-types/RARE_TEST",
                Json.createObjectBuilder()
                        .add("code", "RARE_TEST")
                        .add("nameZh", "测试业务")
                        .add("nameEn", "Test business")
                        .add("deadlineHours", 24)
                        .add("archiveCategory", "CS")
                        .add("retention", "Y10")
                        .add("reviewerSkill", "rareskill")
                        .add("supplementAllowed", false)
                        .add(
                                "materials",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("code", "ANY_FORM")
                                                .add("nameZh", "表格")
                                                .add("nameEn", "Form")
                                                .add("required", false)))
                        .build()
                        .toString());
        assertEquals(200, type.status(), type.body());
        String waiting = Cases.open(CLERK, "RARE_TEST");
        long queued =
                count(Api.as("manager").get("/api/monitoring/summary").json().getJsonObject("queues"), "assignment");
        assertEquals(
                "SUBMITTED",
                CLERK.post("/api/cases/" + waiting + "/submit", "{}").json().getString("status"),
                "the only reviewer with the skill is absent: the case waits");
        assertEquals(
                queued + 1,
                count(Api.as("manager").get("/api/monitoring/summary").json().getJsonObject("queues"), "assignment"),
                "the monitoring screen counts it in the queue waiting for a reviewer");
        assertEquals(
                200,
                ADMIN.put("/api/admin/users/absentee", String.format(user, "false", "null"))
                        .status());
        String next = Cases.open(CLERK, "RARE_TEST");
        JsonObject assigned = CLERK.post("/api/cases/" + next + "/submit", "{}").json();
        assertEquals("absentee", assigned.getString("assignedTo"), "back from absence, the reviewer gets cases again");
        assertTrue(new Api("absentee", password).get("/api/tasks").body().contains(next));
    }

    private static long count(JsonObject counts, String key) {
        return counts.containsKey(key) ? counts.getJsonNumber(key).longValue() : 0;
    }
}
