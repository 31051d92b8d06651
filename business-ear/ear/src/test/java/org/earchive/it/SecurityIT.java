package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.File;
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
    var paths = Api.as("admin").getWith("/openapi", "Accept", "application/json").json().getJsonObject("paths");
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
          Api.Response r = admin.raw(method.toUpperCase(), url, headers, method.equals("delete") ? null : body);
          if (r.status() != 403 || !r.body().contains("CSRF_REFUSED")) {
            failures.add(method.toUpperCase() + " " + url + " " + headers.keySet() + " -> " + r.status() + " " + r.body());
          }
        }
      }
    }
    assertTrue(walked > 40, "walked " + walked);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    // the pages themselves still work: the same origin, or the header they set
    Api clerk = Api.signedIn("clerk");
    byte[] open = ("{\"businessType\":\"ENROLL\",\"applicant\":{\"idNumber\":\"" + Cases.newPerson()
        + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(201, clerk.raw("POST", "/api/cases",
        Map.of("Origin", Api.BASE, "Content-Type", "application/json"), open).status());
    assertEquals(201, clerk.raw("POST", "/api/cases",
        Map.of("X-Requested-With", "fetch", "Content-Type", "application/json"), open).status());
  }

  @Test
  void aSignInPostedByAnotherSiteIsRefused() throws Exception {
    byte[] form = ("j_username=clerk&j_password=" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8);
    Api.Response r = Api.anonymous().raw("POST", "/api/session",
        Map.of("Origin", EVIL, "Content-Type", "application/x-www-form-urlencoded"), form);
    assertEquals(403, r.status(), r.body());
    assertTrue(r.body().contains("CSRF_REFUSED"), r.body());
    assertFalse(r.raw().headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")));
  }

  @Test
  void theSessionCookieIsStrictSameSiteAndHttpOnly() throws Exception {
    Api clerk = Api.signedIn("clerk");
    String cookie = clerk.signInCookies.stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
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
        "image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
        "scan.pdf", "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1));
    for (var file : refused.entrySet()) {
      Api.Response r = clerk.upload(caseNumber, "ID_CARD", file.getKey(), "application/pdf", file.getValue(), true);
      assertEquals(415, r.status(), file.getKey() + ": " + r.body());
      assertEquals("UNSUPPORTED_FORMAT", r.json().getString("code"), r.body());
    }
    assertEquals(0, clerk.get("/api/cases/" + caseNumber).json().getJsonArray("documents").size(), "nothing recorded");
    // a real PDF declared as HTML is kept, and served, as the PDF it is: never inline unless the viewer asks
    Api.Response pdf = clerk.upload(caseNumber, "ID_CARD", "id.html", "text/html", Samples.pdf("id"), true);
    assertEquals(201, pdf.status(), pdf.body());
    long id = pdf.json().getJsonNumber("id").longValue();
    Api.Response download = clerk.get("/api/documents/" + id + "/content");
    assertEquals("application/pdf", download.header("Content-Type").split(";")[0]);
    assertTrue(download.header("Content-Disposition").startsWith("attachment"), download.header("Content-Disposition"));
    assertTrue(download.raw().headers().allValues("Content-Security-Policy").stream().anyMatch(v -> v.startsWith("sandbox")));
    assertEquals("nosniff", download.header("X-Content-Type-Options"));
    assertTrue(clerk.get("/api/documents/" + id + "/content?inline=true").header("Content-Disposition").startsWith("inline"));
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/login.html", "/assets/app.js", "/api/catalogue/business-types", "/api/cases/C1",
        "/health")) {
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
