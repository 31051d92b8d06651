package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Opening cases and uploading materials through the API, for tests whose subject lies elsewhere. */
final class Cases {
    static final String CITIZEN_ID = "11010519491231002X";
    private static final Api CLERK = Api.as("clerk");

    private Cases() {}

    static String open(Api api, String businessType) throws Exception {
        return open(api, businessType, CITIZEN_ID, "王芳");
    }

    static String open(Api api, String businessType, String citizenId, String name) throws Exception {
        Api.Response r = api.post(
                "/api/cases",
                "{\"businessType\":\"" + businessType + "\",\"applicant\":{\"idNumber\":\"" + citizenId
                        + "\",\"name\":\"" + name + "\"},\"channel\":\"COUNTER\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().getString("caseNumber");
    }

    static JsonObject upload(Api api, String caseNumber, String material, byte[] pdf) throws Exception {
        Api.Response r =
                api.upload(caseNumber, material, material.toLowerCase() + ".pdf", "application/pdf", pdf, true);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    /** The status an upload of a PDF/A for {@code material} is answered with. */
    static int uploadStatus(Api api, String caseNumber, String material) throws Exception {
        return api.upload(caseNumber, material, "late.pdf", "application/pdf", Samples.pdf("late " + material), true)
                .status();
    }

    /** Uploads a PDF/A for every required material of the case; {@code label} goes into each file's text. */
    static void uploadRequired(Api api, String caseNumber, String label) throws Exception {
        for (JsonObject m : api.get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("requiredMaterials")
                .getValuesAs(JsonObject.class)) {
            if (m.getBoolean("required")) {
                upload(api, caseNumber, m.getString("code"), Samples.pdf(label + " " + m.getString("code")));
            }
        }
    }

    /** A valid citizen ID of a new person (GB 11643 check character), so each test has an archive of its own. */
    static String newPerson() {
        String base = "440300" + (1955 + ThreadLocalRandom.current().nextInt(40)) + "0"
                + (1 + ThreadLocalRandom.current().nextInt(9))
                + (10 + ThreadLocalRandom.current().nextInt(18))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * w[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    /** Opens a case with every required material (and the optional ones given), {@code files} replacing samples. */
    static String ready(String type, String citizenId, Map<String, byte[]> files) throws Exception {
        String caseNumber = open(CLERK, type, citizenId, "李建国");
        for (JsonObject m : CLERK.get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("requiredMaterials")
                .getValuesAs(JsonObject.class)) {
            String code = m.getString("code");
            if (m.getBoolean("required") && !files.containsKey(code)) {
                upload(CLERK, caseNumber, code, Samples.pdf(type + " " + code));
            }
        }
        for (var e : files.entrySet()) {
            upload(CLERK, caseNumber, e.getKey(), e.getValue());
        }
        return caseNumber;
    }

    /** Submits; returns the reviewer the system assigned. */
    static String submit(String caseNumber) throws Exception {
        Api.Response submitted = CLERK.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(200, submitted.status(), submitted.body());
        return submitted.json().getString("assignedTo");
    }

    /** A reviewer's decision (APPROVE, REJECT, SUPPLEMENT) with its reason, as the back office screen sends it. */
    static Api.Response decide(String reviewer, String caseNumber, String decision, String comment) throws Exception {
        return Api.as(reviewer)
                .post(
                        "/api/tasks/" + caseNumber + "/decision",
                        "{\"decision\":\"" + decision + "\",\"comment\":\"" + comment + "\"}");
    }

    static void approve(String caseNumber, String reviewer) throws Exception {
        Api.Response decided = Api.as(reviewer)
                .post("/api/tasks/" + caseNumber + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\"}");
        assertEquals(200, decided.status(), decided.body());
        assertEquals("ARCHIVED", decided.json().getString("status"), decided.body());
    }

    static String archived(String type, String citizenId, Map<String, byte[]> files) throws Exception {
        String caseNumber = ready(type, citizenId, files);
        approve(caseNumber, submit(caseNumber));
        return caseNumber;
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
