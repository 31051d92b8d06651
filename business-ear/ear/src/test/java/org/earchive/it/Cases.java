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
}
