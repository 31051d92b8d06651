package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * What a hostile web page can make a signed-in browser do, and the headers every answer carries. The CSRF matrix is
 * generated from the OpenAPI document: every operation that changes state, sent with the session cookie from another
 * origin (or from nowhere, without the pages' header), is refused before it runs.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {
    private static final String EVIL = "http://evil.example";
    private static final Set<String> SAFE = Set.of("get", "head", "options");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    @Test
    void everyStateChangingOperationRefusesAnotherSitesPage() throws Exception {
        Api admin = Api.signedIn("admin");
        var paths = Api.as("admin")
                .getWith("/openapi", "Accept", "application/json")
                .json()
                .getJsonObject("paths");
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (SAFE.contains(method) || path.getKey().equals("/api/session")) {
                    continue;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                Map<String, String> json = Map.of("Content-Type", "application/json");
                for (Map<String, String> headers :
                        List.of(Map.of("Origin", EVIL, "Content-Type", "application/json"), json)) {
                    walked++;
                    Api.Response r =
                            admin.raw(method.toUpperCase(), url, headers, method.equals("delete") ? null : body);
                    if (r.status() != 403 || !r.body().contains("CSRF_REFUSED")) {
                        failures.add(method.toUpperCase() + " " + url + " " + headers.keySet() + " -> " + r.status()
                                + " " + r.body());
                    }
                }
            }
        }
        assertTrue(walked > 40, "walked " + walked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // the pages themselves still work: the same origin, or the header they set
        Api clerk = Api.signedIn("clerk");
        byte[] open = ("{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + Cases.newPerson()
                        + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                201,
                clerk.raw("POST", "/api/cases", Map.of("Origin", Api.BASE, "Content-Type", "application/json"), open)
                        .status());
        assertEquals(
                201,
                clerk.raw(
                                "POST",
                                "/api/cases",
                                Map.of("X-Requested-With", "fetch", "Content-Type", "application/json"),
                                open)
                        .status());
    }

    @Test
    void aSignInPostedByAnotherSiteIsRefused() throws Exception {
        byte[] form = ("j_username=clerk&j_password=" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8);
        Api.Response r = Api.anonymous()
                .raw(
                        "POST",
                        "/api/session",
                        Map.of("Origin", EVIL, "Content-Type", "application/x-www-form-urlencoded"),
                        form);
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains("CSRF_REFUSED"), r.body());
        assertFalse(r.raw().headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")));
    }

    @Test
    void theSessionCookieIsStrictSameSiteAndHttpOnly() throws Exception {
        Api clerk = Api.signedIn("clerk");
        String cookie = clerk.signInCookies.stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertFalse(cookie.toLowerCase().contains("secure"), "plain HTTP on loopback: not Secure: " + cookie);
    }

    @Test
    void uploadsAreAcceptedByWhatTheirBytesAreNotByWhatTheyClaim() throws Exception {
        Api clerk = Api.as("clerk");
        String caseNumber = Cases.open(clerk, "ENROLL", Cases.newPerson(), "王芳");
        Map<String, byte[]> refused = Map.of(
                "page.html", "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8),
                "image.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                                .getBytes(StandardCharsets.UTF_8),
                "scan.pdf",
                        "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode"
                                .getBytes(StandardCharsets.ISO_8859_1));
        for (var file : refused.entrySet()) {
            Api.Response r =
                    clerk.upload(caseNumber, "ID_CARD", file.getKey(), "application/pdf", file.getValue(), true);
            assertEquals(415, r.status(), file.getKey() + ": " + r.body());
            assertEquals("UNSUPPORTED_FORMAT", r.json().getString("code"), r.body());
        }
        assertEquals(
                0,
                clerk.get("/api/cases/" + caseNumber)
                        .json()
                        .getJsonArray("documents")
                        .size(),
                "nothing recorded");
        // a real PDF declared as HTML is kept, and served, as the PDF it is: never inline unless the viewer asks
        Api.Response pdf = clerk.upload(caseNumber, "ID_CARD", "id.html", "text/html", Samples.pdf("id"), true);
        assertEquals(201, pdf.status(), pdf.body());
        long id = pdf.json().getJsonNumber("id").longValue();
        Api archivist = Api.as("archivist");
        Api.Response download = archivist.get("/api/documents/" + id + "/content");
        assertEquals("application/pdf", download.header("Content-Type").split(";")[0]);
        assertTrue(
                download.header("Content-Disposition").startsWith("attachment"),
                download.header("Content-Disposition"));
        assertTrue(download.raw().headers().allValues("Content-Security-Policy").stream()
                .anyMatch(v -> v.startsWith("sandbox")));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertTrue(archivist
                .get("/api/documents/" + id + "/content?inline=true")
                .header("Content-Disposition")
                .startsWith("inline"));
    }

    @Test
    void whoeverUploadedToOrSubmittedACaseNeverDecidesIt() throws Exception {
        Api clerk = Api.as("clerk");
        Api deputy = Api.as("deputy"); // a clerk and a reviewer with every skill
        String caseNumber = Cases.open(clerk, "ENROLL", Cases.newPerson(), "王芳");
        for (JsonObject m : clerk.get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("requiredMaterials")
                .getValuesAs(JsonObject.class)) {
            if (m.getBoolean("required")) {
                Cases.upload(deputy, caseNumber, m.getString("code"), Samples.pdf("four eyes " + m.getString("code")));
            }
        }
        String assigned = Cases.submit(caseNumber);
        assertFalse("deputy".equals(assigned), "the system does not give the case to its uploader");
        Api.Response reassigned =
                Api.as("admin").post("/api/admin/cases/" + caseNumber + "/reassign", "{\"reviewer\":\"deputy\"}");
        assertEquals(403, reassigned.status(), reassigned.body());
        assertEquals("FOUR_EYES", reassigned.json().getString("code"));
        Api.Response decided = deputy.post(
                "/api/tasks/" + caseNumber + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"自己审自己\"}");
        assertEquals(403, decided.status(), decided.body());
    }

    @Test
    void theApiDescriptionAndMetricsAreForAdministratorsAndAuditorsOnly() throws Exception {
        for (String path : List.of("/openapi", "/metrics")) {
            for (String role : List.of("clerk", "reviewer", "archivist", "manager")) {
                assertEquals(403, Api.as(role).get(path).status(), role + " " + path);
            }
            assertEquals(200, Api.as("auditor").get(path).status(), "auditor " + path);
            assertEquals(200, Api.as("admin").get(path).status(), "admin " + path);
        }
    }

    @Test
    void badInputGetsACoded400NamingTheLimitNeverA500() throws Exception {
        Api clerk = Api.as("clerk");
        String id = Cases.newPerson();
        Api.Response longName = clerk.post(
                "/api/cases",
                "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + id + "\",\"name\":\"" + "王".repeat(101)
                        + "\"},\"channel\":\"COUNTER\"}");
        assertEquals(400, longName.status(), longName.body());
        assertTrue(longName.json().getString("message").contains("100"), longName.body());
        Api.Response bidi = clerk.post(
                "/api/cases",
                "{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + id
                        + "\",\"name\":\"王\u202Efdp.exe\"},\"channel\":\"COUNTER\"}");
        assertEquals(400, bidi.status(), bidi.body());

        String caseNumber = Cases.open(clerk, "ENROLL", id, "王芳");
        Api.Response longFile = clerk.upload(
                caseNumber, "ID_CARD", "a".repeat(252) + ".pdf", "application/pdf", Samples.pdf("long"), true);
        assertEquals(400, longFile.status(), longFile.body());
        assertTrue(longFile.json().getString("message").contains("255"), longFile.body());
        Api.Response disguised =
                clerk.upload(caseNumber, "ID_CARD", "scan\u202Efdp.exe", "application/pdf", Samples.pdf("bidi"), true);
        assertEquals(201, disguised.status(), disguised.body());
        assertEquals("scanfdp.exe", disguised.json().getString("fileName"), "control and bidi characters stripped");

        Api.Response comment = Api.as("reviewer")
                .post(
                        "/api/tasks/" + caseNumber + "/decision",
                        "{\"decision\":\"REJECT\",\"comment\":\"" + "不".repeat(1001) + "\"}");
        assertEquals(400, comment.status(), comment.body());
        assertTrue(comment.json().getString("message").contains("1000"), comment.body());

        byte[] big = ("{\"businessType\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Response huge = clerk.postBytes("/api/cases", "application/json", big);
        assertEquals(413, huge.status(), huge.body());
        assertEquals("REQUEST_TOO_LARGE", huge.json().getString("code"));

        Api.Response page = clerk.get("/api/archive/search?q=x&page=2147483647");
        assertEquals(400, page.status(), page.body());
        Api.Response notANumber = clerk.get("/api/documents/abc");
        assertEquals(400, notANumber.status(), notANumber.body());
        assertEquals("INVALID_REQUEST", notANumber.json().getString("code"));
        Api.Response syntax = Api.as("archivist")
                .get("/api/archive/search?q=" + URLEncoder.encode("AND OR ( \"", StandardCharsets.UTF_8));
        assertEquals(200, syntax.status(), "search words are words, never a parser error: " + syntax.body());
        Api.Response contentType = clerk.raw("POST", "/api/cases", Map.of("Content-Type", ";;;"), "{}".getBytes());
        assertTrue(
                contentType.status() >= 400 && contentType.status() < 500, contentType.status() + contentType.body());
        assertTrue(contentType.body().startsWith("{\"code\""), "JSON, not a container page: " + contentType.body());
        Api.Response traversal = clerk.get("/api/..%2f..%2f..%2fetc/passwd");
        assertTrue(traversal.status() == 400 || traversal.status() == 404, traversal.status() + traversal.body());
        assertFalse(traversal.body().contains("<html") || traversal.body().contains("root:"), traversal.body());
    }

    @Test
    void backupsAreWrittenOnlyUnderTheBackupRoot() throws Exception {
        for (String directory : List.of("/tmp/earchive-elsewhere", "../../outside", "a/../../../outside")) {
            Api.Response r = Api.as("admin").post("/api/admin/backup", "{\"directory\":\"" + directory + "\"}");
            assertEquals(400, r.status(), directory + ": " + r.body());
            assertEquals("INVALID_REQUEST", r.json().getString("code"));
        }
        assertFalse(new File("/tmp/earchive-elsewhere").exists(), "nothing written outside the root");
    }

    @Test
    void aFileThatCannotBeDrawnIs422NotAnIntegrityFailure() throws Exception {
        Api clerk = Api.as("clerk");
        String caseNumber = Cases.open(clerk, "ENROLL", Cases.newPerson(), "王芳");
        byte[] broken = new byte[4096]; // a JPEG by its first bytes, nothing a decoder can draw after them
        byte[] magic = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(magic, 0, broken, 0, magic.length);
        Api.Response uploaded = clerk.upload(caseNumber, "ID_CARD", "photo.jpg", "image/jpeg", broken, true);
        assertEquals(201, uploaded.status(), uploaded.body());
        Api.Response page = clerk.get(
                "/api/documents/" + uploaded.json().getJsonNumber("id").longValue() + "/pages/1");
        assertEquals(422, page.status(), page.body());
        assertEquals("CANNOT_RENDER", page.json().getString("code"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path :
                List.of("/login.html", "/assets/app.js", "/api/catalogue/business-types", "/api/cases/C1", "/health")) {
            Api.Response r = Api.as("clerk").get(path);
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", r.header("Referrer-Policy"), path);
            if (path.startsWith("/api/")) {
                assertEquals("no-store", r.header("Cache-Control"), path);
            }
        }
        String login = Api.anonymous().get("/login.html").body();
        assertFalse(login.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script on the sign-in page");
    }
}
