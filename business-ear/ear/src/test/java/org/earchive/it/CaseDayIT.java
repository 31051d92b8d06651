package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A counter's day around the main path, through the real server: finding one's cases (open, sent back, promised,
 * by applicant), within one's hall only; an applicant who withdraws; a rejected case closed; and 容缺受理 to its end —
 * approved with a promised material missing, the case waits for it and is archived when it arrives.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class CaseDayIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api OTHER_HALL = Api.as("clerk2");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
        Accounts.ensureUser("clerk2", "HALL-02", new String[] {"clerk"}, new String[0]);
    }

    private static List<String> numbers(Api api, String query) throws Exception {
        Api.Response r = api.get("/api/cases?" + query);
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("caseNumber"))
                .toList();
    }

    @Test
    void aClerkFindsTheirOpenCasesAndAnApplicantsByTheFullCitizenIdWithinTheirHallOnly() throws Exception {
        String person = Cases.newPerson();
        String first = Cases.open(CLERK, "ENROLL", person, "赵敏");
        String second = Cases.open(CLERK, "PENSION", person, "赵敏");
        List<String> mine = numbers(CLERK, "view=open&mine=true&size=100");
        assertTrue(mine.containsAll(List.of(first, second)), mine.toString());
        assertEquals(List.of(second, first), numbers(CLERK, "applicant=" + person), "the applicant's, newest first");
        assertEquals(List.of(second), numbers(CLERK, "applicant=" + person + "&status=ACCEPTED&size=1&page=0"));
        JsonObject page =
                CLERK.get("/api/cases?applicant=" + person + "&size=1&page=1").json();
        assertEquals(2, page.getInt("total"));
        assertEquals(first, page.getJsonArray("items").getJsonObject(0).getString("caseNumber"));
        JsonObject item = page.getJsonArray("items").getJsonObject(0);
        assertEquals("参保登记", item.getString("businessTypeName"));
        assertFalse(item.toString().contains(person), "a list shows the citizen ID masked: " + item);

        assertEquals(List.of(), numbers(OTHER_HALL, "applicant=" + person), "another hall's clerk finds nothing");
        assertFalse(numbers(OTHER_HALL, "view=open&size=100").contains(first));
        Api.Response partial = CLERK.get("/api/cases?applicant=" + person.substring(0, 14));
        assertEquals(400, partial.status(), partial.body());
        assertEquals("INVALID_CITIZEN_ID", partial.json().getString("code"));
        assertEquals(400, CLERK.get("/api/cases?status=FINISHED").status());
        String today = LocalDate.now().toString();
        assertTrue(numbers(CLERK, "applicant=" + person + "&from=" + today + "&to=" + today)
                .contains(first));
        assertEquals(List.of(), numbers(CLERK, "applicant=" + person + "&to=2020-01-01"));
    }

    @Test
    void aCaseSentBackIsListedForItsClerkWithTheReviewersReasonAndCounted() throws Exception {
        String caseNumber = Cases.ready("PENSION", Cases.newPerson(), java.util.Map.of());
        String reviewer = Cases.submit(caseNumber);
        long before = CLERK.get("/api/cases/reminders")
                .json()
                .getJsonNumber("returnedToMe")
                .longValue();
        assertEquals(
                200,
                Cases.decide(reviewer, caseNumber, "SUPPLEMENT", "银行卡复印件不清晰，请重新提供")
                        .status());
        JsonObject returned =
                CLERK.get("/api/cases?view=returned&mine=true&size=100").json();
        JsonObject item = returned.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("caseNumber").equals(caseNumber))
                .findFirst()
                .orElseThrow(() -> new AssertionError(caseNumber + " not in " + returned));
        assertEquals("SUPPLEMENT_REQUESTED", item.getString("status"));
        assertEquals("银行卡复印件不清晰，请重新提供", item.getString("decisionComment"));
        assertEquals(
                before + 1,
                CLERK.get("/api/cases/reminders")
                        .json()
                        .getJsonNumber("returnedToMe")
                        .longValue());
    }

    @Test
    void anApplicantWithdrawsBeforeTheDecisionAndARejectedCaseIsClosed() throws Exception {
        String open = Cases.open(CLERK, "ENROLL", Cases.newPerson(), "钱进");
        Api.Response noReason = CLERK.post("/api/cases/" + open + "/withdraw", "{\"reason\":\" \"}");
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("REASON_REQUIRED", noReason.json().getString("code"));
        assertEquals(
                404,
                OTHER_HALL
                        .post("/api/cases/" + open + "/withdraw", "{\"reason\":\"x\"}")
                        .status());
        Api.Response withdrawn = CLERK.post("/api/cases/" + open + "/withdraw", "{\"reason\":\"申请人决定暂不办理\"}");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
        assertEquals("申请人决定暂不办理", withdrawn.json().getString("closedReason"));
        assertEquals(
                409,
                CLERK.post("/api/cases/" + open + "/withdraw", "{\"reason\":\"again\"}")
                        .status());
        assertFalse(numbers(CLERK, "view=open&mine=true&size=100").contains(open), "a withdrawn case is not open");
        assertEquals(409, Cases.uploadStatus(CLERK, open, "ID_CARD"), "a withdrawn case takes no materials");

        String rejected = Cases.ready("PENSION", Cases.newPerson(), java.util.Map.of());
        String reviewer = Cases.submit(rejected);
        assertEquals(
                409,
                CLERK.post("/api/cases/" + rejected + "/close", "{\"reason\":\"x\"}")
                        .status());
        assertEquals(200, Cases.decide(reviewer, rejected, "REJECT", "不符合领取条件").status());
        Api.Response closed = CLERK.post("/api/cases/" + rejected + "/close", "{\"reason\":\"已告知申请人不予批准\"}");
        assertEquals(200, closed.status(), closed.body());
        assertEquals("CLOSED", closed.json().getString("status"));
        assertFalse(numbers(CLERK, "view=returned&mine=true&size=100").contains(rejected));
        assertEquals(409, CLERK.post("/api/cases/" + rejected + "/submit", "{}").status());
        JsonObject backlog =
                Api.as("admin").get("/api/monitoring/summary").json().getJsonObject("backlogByState");
        assertFalse(backlog.containsKey("CLOSED") || backlog.containsKey("WITHDRAWN"), backlog.toString());
    }

    @Test
    void approvedWithAPromisedMaterialMissingTheCaseWaitsTakesExactlyThatAndIsArchivedWhenItArrives() throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL", Cases.newPerson(), "孙丽");
        Cases.upload(CLERK, caseNumber, "APPLICATION_FORM", Samples.pdf("form"));
        Cases.upload(CLERK, caseNumber, "LABOUR_CONTRACT", Samples.pdf("contract"));
        String today = LocalDate.now().toString();
        Api.Response submitted =
                CLERK.post("/api/cases/" + caseNumber + "/submit", "{\"supplementPromisedDate\":\"" + today + "\"}");
        assertEquals(200, submitted.status(), submitted.body());
        String reviewer = submitted.json().getString("assignedTo");
        assertTrue(numbers(CLERK, "view=promised&size=100").contains(caseNumber), "listed as a promise");
        assertTrue(CLERK.get("/api/cases/reminders")
                        .json()
                        .getJsonNumber("promisesDueToday")
                        .longValue()
                >= 1);

        assertEquals(409, Cases.uploadStatus(CLERK, caseNumber, "APPLICATION_FORM"), "only the promised material");
        Api.Response approved = Cases.decide(reviewer, caseNumber, "APPROVE", "符合条件，身份证复印件待补交");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("AWAITING_MATERIALS", approved.json().getString("status"), approved.body());
        assertTrue(approved.json().getBoolean("promiseOpen"));

        Cases.upload(CLERK, caseNumber, "ID_CARD", Samples.pdf("id card brought later"));
        JsonObject after = CLERK.get("/api/cases/" + caseNumber).json();
        assertEquals("ARCHIVED", after.getString("status"), "archived when the last promised material arrived");
        assertFalse(after.getBoolean("promiseOpen"));
        assertFalse(numbers(CLERK, "view=promised&size=100").contains(caseNumber));
        assertTrue(after.getJsonArray("history").toString().contains("容缺材料已补齐"), after.toString());
    }
}
