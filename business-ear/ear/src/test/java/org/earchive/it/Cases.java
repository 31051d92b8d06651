package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/** Opening cases and uploading materials through the API, for tests whose subject lies elsewhere. */
final class Cases {
  static final String CITIZEN_ID = "11010519491231002X";

  private Cases() {}

  static String open(Api api, String businessType) throws Exception {
    Api.Response r =
        api.post(
            "/api/cases",
            "{\"businessType\":\"" + businessType + "\",\"applicant\":{\"idNumber\":\"" + CITIZEN_ID
                + "\",\"name\":\"王芳\"},\"channel\":\"COUNTER\"}");
    assertEquals(201, r.status(), r.body());
    return r.json().getString("caseNumber");
  }

  static JsonObject upload(Api api, String caseNumber, String material, byte[] pdf) throws Exception {
    Api.Response r = api.upload(caseNumber, material, material.toLowerCase() + ".pdf", "application/pdf", pdf, true);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  /** Uploads a PDF/A for every required material of the case; {@code label} goes into each file's text. */
  static void uploadRequired(Api api, String caseNumber, String label) throws Exception {
    for (JsonObject m : api.get("/api/cases/" + caseNumber).json().getJsonArray("requiredMaterials")
        .getValuesAs(JsonObject.class)) {
      if (m.getBoolean("required")) {
        upload(api, caseNumber, m.getString("code"), Samples.pdf(label + " " + m.getString("code")));
      }
    }
  }
}
