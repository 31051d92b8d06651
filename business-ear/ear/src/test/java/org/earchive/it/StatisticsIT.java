package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 统计分析 through the real server: a day's cases move the figures exactly as they were handled (accepted, archived,
 * rejected, withdrawn, sent back); every grouping answers on both databases; the Excel workbook, opened with Apache
 * POI, and the CSV carry the same totals as the API, under Chinese headers.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class StatisticsIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api ADMIN = Api.as("admin");
    private static final String TODAY = "from=" + LocalDate.now() + "&to=" + LocalDate.now();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    private static JsonObject stats(String query) throws Exception {
        Api.Response r = ADMIN.get("/api/statistics/cases?" + query);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonObject row(JsonObject stats, String key) {
        return stats.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("key").equals(key))
                .findFirst()
                .orElse(null);
    }

    private static long count(JsonObject row, String field) {
        return row == null ? 0 : row.getJsonNumber(field).longValue();
    }

    private static void decide(String reviewer, String caseNumber, String decision, String comment) throws Exception {
        Api.Response r = Cases.decide(reviewer, caseNumber, decision, comment);
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void aDaysCasesMoveTheFiguresAsTheyWereHandled() throws Exception {
        JsonObject before = stats(TODAY + "&groupBy=businessType");
        String archived = Cases.archived("ENROLL", Cases.newPerson(), Map.of());
        String sentBack = Cases.ready("ENROLL", Cases.newPerson(), Map.of());
        decide(Cases.submit(sentBack), sentBack, "SUPPLEMENT", "请补充劳动合同签字页");
        String rejected = Cases.ready("PENSION", Cases.newPerson(), Map.of());
        decide(Cases.submit(rejected), rejected, "REJECT", "未达到法定退休年龄");
        assertEquals(
                200,
                CLERK.post("/api/cases/" + rejected + "/close", "{\"reason\":\"已告知\"}")
                        .status());
        String withdrawn = Cases.open(CLERK, "PENSION", Cases.newPerson(), "周强");
        assertEquals(
                200,
                CLERK.post("/api/cases/" + withdrawn + "/withdraw", "{\"reason\":\"不办了\"}")
                        .status());

        JsonObject after = stats(TODAY + "&groupBy=businessType");
        JsonObject enroll0 = row(before, "ENROLL"), enroll = row(after, "ENROLL");
        JsonObject pension0 = row(before, "PENSION"), pension = row(after, "PENSION");
        assertEquals("参保登记", enroll.getString("label"));
        assertEquals(2, count(enroll, "accepted") - count(enroll0, "accepted"));
        assertEquals(1, count(enroll, "archived") - count(enroll0, "archived"));
        assertEquals(1, count(enroll, "decided") - count(enroll0, "decided"), "a supplement request is no decision");
        assertEquals(1, count(enroll, "supplemented") - count(enroll0, "supplemented"));
        assertEquals(2, count(pension, "accepted") - count(pension0, "accepted"));
        assertEquals(1, count(pension, "rejected") - count(pension0, "rejected"));
        assertEquals(1, count(pension, "withdrawn") - count(pension0, "withdrawn"));
        assertTrue(
                enroll.containsKey("decisionP50Minutes") && !enroll.isNull("decisionP50Minutes"),
                "times for decided cases: " + enroll);
        assertTrue(enroll.getJsonNumber("decisionP90Minutes").doubleValue()
                >= enroll.getJsonNumber("decisionP50Minutes").doubleValue());
        assertTrue(enroll.getJsonNumber("archivingP50Minutes").doubleValue() >= 0);
        long sum = after.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .mapToLong(r -> r.getJsonNumber("accepted").longValue())
                .sum();
        assertEquals(after.getJsonObject("total").getJsonNumber("accepted").longValue(), sum, "the groups add up");
    }

    @Test
    void everyGroupingAnswersAndABadRequestIsRefusedInWords() throws Exception {
        Cases.open(CLERK, "ENROLL", Cases.newPerson(), "吴芳");
        for (String group : List.of("businessType", "hall", "channel", "reviewer", "day")) {
            JsonObject s = stats(TODAY + "&groupBy=" + group);
            assertEquals(group, s.getString("groupBy"));
            assertTrue(s.getJsonArray("rows").size() >= 1, group + ": " + s);
        }
        assertEquals(
                LocalDate.now().toString(),
                stats(TODAY + "&groupBy=day")
                        .getJsonArray("rows")
                        .getJsonObject(0)
                        .getString("key"));
        Api.Response bad = ADMIN.get("/api/statistics/cases?groupBy=colour");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("INVALID_REQUEST", bad.json().getString("code"));
        assertEquals(
                400,
                ADMIN.get("/api/statistics/cases?from=2026-12-01&to=2026-11-01").status());
        assertEquals(403, CLERK.get("/api/statistics/cases").status(), "a clerk does not read the statistics");
    }

    @Test
    void theWorkbookAndTheCsvCarryTheApisTotalsUnderChineseHeaders() throws Exception {
        Cases.archived("ENROLL", Cases.newPerson(), Map.of());
        JsonObject s = stats(TODAY + "&groupBy=businessType");
        JsonObject total = s.getJsonObject("total");
        Api.Response xlsx = ADMIN.get("/api/statistics/cases.xlsx?" + TODAY + "&groupBy=businessType");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.raw()
                .headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .contains("attachment"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(1);
            assertEquals("业务类型", header.getCell(0).getStringCellValue());
            assertEquals("受理件数", header.getCell(1).getStringCellValue());
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertEquals("合计", last.getCell(0).getStringCellValue());
            assertEquals(total.getJsonNumber("accepted").longValue(), (long)
                    last.getCell(1).getNumericCellValue());
            assertEquals(total.getJsonNumber("archived").longValue(), (long)
                    last.getCell(3).getNumericCellValue());
            assertEquals(s.getJsonArray("rows").size() + 3, sheet.getLastRowNum() + 1, "title, header, rows, total");
            JsonNumber p50 = total.getJsonNumber("decisionP50Minutes");
            assertEquals(p50.doubleValue(), last.getCell(10).getNumericCellValue(), 0.001);
        }
        String report = Printed.text(ADMIN.get("/api/statistics/cases.pdf?" + TODAY + "&groupBy=businessType"));
        assertTrue(report.contains("业务办理统计报表") && report.contains("合计") && report.contains("参保登记"), report);
        Api.Response csv = ADMIN.get("/api/statistics/cases.csv?" + TODAY + "&groupBy=businessType");
        assertEquals(200, csv.status());
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF业务类型,受理件数,"), text);
        String[] lines = text.strip().split("\r\n");
        String[] totals = lines[lines.length - 1].split(",");
        assertEquals("合计", totals[0]);
        assertEquals(Long.toString(total.getJsonNumber("accepted").longValue()), totals[1]);
    }
}
