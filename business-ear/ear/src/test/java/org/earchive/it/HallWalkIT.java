package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hall rule on every endpoint, generated from the OpenAPI document so that a new endpoint is walked without a
 * test of its own: a clerk of another hall calls each operation with the numbers of one hall's open case, its
 * archived case, their documents and records, and must be refused (403 for a role that may not call it at all, 404 as
 * if the thing did not exist otherwise); no answer, refused or not, may carry those cases' numbers or the applicant's
 * citizen ID.
 */
@ExtendWith(ArquillianExtension.class)
class HallWalkIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api OTHER_HALL = Api.as("clerk2");
    /** Sign-in and sign-out are not operations on anyone's data. */
    private static final Set<String> NOT_WALKED = Set.of("/api/session");

    private static String citizenId;
    private static Map<String, String> openCase;
    private static Map<String, String> archivedCase;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void twoCasesOfOneHall() throws Exception {
        Accounts.ensureWorkflowAccounts();
        Accounts.ensureUser("clerk2", "HALL-02", new String[] {"clerk"}, new String[0]);
        citizenId = Cases.newPerson();
        String archived = Cases.archived("ENROLL", citizenId, Map.of());
        String open = Cases.open(CLERK, "ENROLL", citizenId, "李建国");
        long openDocument = Cases.upload(CLERK, open, "ID_CARD", Samples.pdf("hall walk"))
                .getJsonNumber("id")
                .longValue();
        JsonObject record = Api.as("archivist")
                .get("/api/archive/dossiers/" + archived)
                .jsonArray()
                .getJsonObject(0);
        openCase = values(open, openDocument, record.getString("archiveNumber"));
        archivedCase =
                values(archived, record.getJsonNumber("documentId").longValue(), record.getString("archiveNumber"));
    }

    private static Map<String, String> values(String caseNumber, long documentId, String archiveNumber) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("caseNumber", caseNumber);
        v.put("id", Long.toString(documentId));
        v.put("archiveNumber", archiveNumber);
        v.put("citizenId", citizenId);
        return v;
    }

    @Test
    void aClerkOfAnotherHallIsRefusedOnEveryEndpoint() throws Exception {
        Api.Response openapi = Api.as("admin").getWith("/openapi", "Accept", "application/json");
        assertEquals(200, openapi.status(), openapi.body());
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<String, JsonValue> path :
                openapi.json().getJsonObject("paths").entrySet()) {
            if (NOT_WALKED.contains(path.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonValue> op :
                    path.getValue().asJsonObject().entrySet()) {
                for (Map<String, String> target : List.of(openCase, archivedCase)) {
                    walked++;
                    String failure =
                            call(path.getKey(), op.getKey(), op.getValue().asJsonObject(), target);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }
        assertTrue(walked > 80, "walked only " + walked + " operations");
        assertTrue(
                failures.isEmpty(),
                failures.size() + " operations answered a clerk of another hall:\n" + String.join("\n", failures));
    }

    @Test
    void uploadAndSubmitWithValidBodiesAreRefusedAsIfTheCaseDidNotExist() throws Exception {
        Api.Response upload = OTHER_HALL.upload(
                openCase.get("caseNumber"), "ID_CARD", "id.pdf", "application/pdf", Samples.pdf("x"), true);
        assertEquals(404, upload.status(), upload.body());
        assertEquals("CASE_NOT_FOUND", upload.json().getString("code"));
        Api.Response submit = OTHER_HALL.post("/api/cases/" + openCase.get("caseNumber") + "/submit", "{}");
        assertEquals(404, submit.status(), submit.body());
        Api.Response reuse = OTHER_HALL.post(
                "/api/cases/" + openCase.get("caseNumber") + "/documents/reuse",
                "{\"archiveNumber\":\"" + openCase.get("archiveNumber") + "\"}");
        assertEquals(404, reuse.status(), reuse.body());
        // and the hall's own clerk still works on it
        assertEquals(200, CLERK.get("/api/cases/" + openCase.get("caseNumber")).status());
    }

    /** One operation; null when it behaved, else a line saying what it answered. */
    private static String call(String template, String method, JsonObject operation, Map<String, String> target)
            throws Exception {
        String path = template;
        boolean names = false;
        for (Map.Entry<String, String> v : target.entrySet()) {
            if (path.contains("{" + v.getKey() + "}")) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
                names = true;
            }
        }
        path = path.replace("{page}", "1").replace("{material}", "ID_CARD").replaceAll("\\{[^}]+}", "1");
        Api.Response r = send(method, path, operation);
        String body = r.body();
        for (String secret : List.of(target.get("caseNumber"), citizenId, archivedCase.get("caseNumber"))) {
            if (body.contains(secret)
                    && !path.contains(secret)) { // "no case C…" repeats what the caller sent, nothing more
                return method.toUpperCase() + " " + path + " -> " + r.status() + " shows " + secret;
            }
        }
        Set<Integer> refusals = method.equals("get") ? Set.of(403, 404) : Set.of(400, 403, 404, 405, 415);
        if (names && !refusals.contains(r.status())) {
            return method.toUpperCase() + " " + path + " -> " + r.status() + " " + abbreviated(body);
        }
        if (r.status() >= 500) {
            return method.toUpperCase() + " " + path + " -> " + r.status() + " " + abbreviated(body);
        }
        return null;
    }

    private static Api.Response send(String method, String path, JsonObject operation) throws Exception {
        JsonObject content = operation.containsKey("requestBody")
                ? operation.getJsonObject("requestBody").getJsonObject("content")
                : null;
        return switch (method) {
            case "get" -> OTHER_HALL.get(path);
            case "delete" -> OTHER_HALL.delete(path);
            case "put" -> OTHER_HALL.put(path, "{}");
            default -> {
                if (content != null && content.containsKey("multipart/form-data")) {
                    yield OTHER_HALL.uploadTo(path, "ID_CARD", "id.pdf", "application/pdf", Samples.pdf("walk"));
                }
                if (content != null && content.containsKey("application/zip")) {
                    yield OTHER_HALL.postBytes(path, "application/zip", new byte[0]);
                }
                yield OTHER_HALL.post(path, "{}");
            }
        };
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
