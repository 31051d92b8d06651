package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.infrastructure.imageio.TiffPage;
import org.earchive.capture.infrastructure.sane.SaneScanner;
import org.earchive.capture.infrastructure.sane.Saned;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.CaptureWorker;
import org.earchive.capture.station.Spool;
import org.earchive.capture.station.SpoolBatch;
import org.earchive.capture.station.Station;
import org.earchive.capture.testing.FormScans;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screens in a real browser: Debian's Chromium, headless, at 1366×768, against the deployed EAR. A clerk opens a
 * case and uploads its materials, the assigned reviewer decides it beside its pages, an archivist finds it by full
 * text and opens a watermarked page with its four-property report; a four-eyes violation is shown in words. Screenshots
 * of each screen go to {@code target/screenshots} (the README's come from there).
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static WebDriverWait wait;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void browser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and its driver (apt: chromium chromium-driver; ./earchive test installs them)");
        Accounts.ensureWorkflowAccounts();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                "--lang=zh-CN",
                "--disable-gpu");
        // the console, where Chromium reports anything the Content-Security-Policy blocked
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // screens re-render after every change
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(Api.BASE + "/login.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a")));
    }

    private static void go(String hash) {
        browser.get(Api.BASE + "/#" + hash);
    }

    private static WebElement find(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Fails if the screen shows a catalogue code (a business type's or a material's) or a message key where a person
     * expects its name; the documents' own text (the OCR pane, search snippets, digests) and the four-property
     * report's technical details are what they are and not checked.
     */
    private static void noRawCodes() throws Exception {
        String text = (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const m = document.querySelector('main').cloneNode(true);"
                                        + " m.querySelectorAll('pre.ocr, #hits, .mono, #checks').forEach(e => e.remove()); return m.textContent;");
        List<String> codes = new java.util.ArrayList<>();
        for (JsonObject type :
                Api.as("admin").get("/api/catalogue/business-types").jsonArray().getValuesAs(JsonObject.class)) {
            codes.add(type.getString("code"));
            type.getJsonArray("materials").getValuesAs(JsonObject.class).forEach(m -> codes.add(m.getString("code")));
        }
        for (String code : codes) {
            assertFalse(
                    java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])" + code + "(?![A-Za-z0-9_])")
                            .matcher(text)
                            .find(),
                    "the catalogue code " + code + " is shown raw on the screen:\n" + text);
        }
        assertFalse(
                java.util.regex.Pattern.compile("\\b(status|channel|cases|stat|counter|doc)\\.[a-zA-Z]+")
                        .matcher(text)
                        .find(),
                "a message key is shown raw:\n" + text);
    }

    /** Fails on anything the Content-Security-Policy blocked since the browser's log was last read. */
    private static void noPolicyViolations() {
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertTrue(blocked.isEmpty(), "the policy blocked: " + blocked);
    }

    /** Waits until the ECharts chart in the box {@code id} is drawn on its canvas with at least one value. */
    private static void chartDrawn(String id) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript(
                        "const b = document.getElementById(arguments[0]);"
                                + " if (!b || !b.dataset.drawn || !b.querySelector('canvas') || !window.echarts) return false;"
                                + " const o = window.echarts.getInstanceByDom(b).getOption();"
                                + " return o.series.some(s => (s.data || []).length > 0);",
                        id)));
    }

    /** An element on the page, shown or not (the file input sits inside the app's own drop zone). */
    private static WebElement present(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String alert() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.error")))
                .getText();
    }

    /** Waits until the page viewer shows a decoded image. */
    private static void pageShown() {
        wait.until(
                d -> Boolean.TRUE.equals(
                        ((JavascriptExecutor) d)
                                .executeScript(
                                        "const i = document.getElementById('page-image'); return !!i && i.complete && i.naturalWidth > 0;")));
    }

    @Test
    void aCaseGoesFromTheCounterThroughReviewToTheArchiveRoomInTheBrowser() throws Exception {
        String word = "browserword"
                + UUID.randomUUID()
                        .toString()
                        .replaceAll("[^a-f]", "")
                        .replace('a', 'q')
                        .replace('b', 'z');

        // the counter: open the case, see the checklist, upload every required material
        signIn("clerk");
        assertTrue(find("open-form").isDisplayed(), "a clerk starts at the counter");
        new Select(browser.findElement(By.id("business-type"))).selectByValue("ENROLL");
        assertTrue(find("preview-checklist").getText().contains("身份证"), "the checklist shows at once");
        browser.findElement(By.id("citizen-id")).sendKeys(Cases.CITIZEN_ID);
        browser.findElement(By.id("applicant-name")).sendKeys("王芳");
        browser.findElement(By.id("open-case")).click();
        String caseNumber = find("case-number").getText();
        assertTrue(caseNumber.matches("C\\d+"), caseNumber);
        shot("counter");

        JsonObject view = Api.as("clerk").get("/api/cases/" + caseNumber).json();
        List<String> required = view.getJsonArray("requiredMaterials").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getBoolean("required"))
                .map(m -> m.getString("code"))
                .toList();
        for (String code : required) {
            Path file = Files.createTempFile("material-" + code, ".pdf");
            Files.write(file, Samples.pdf(code + " " + word));
            new Select(find("material")).selectByValue(code);
            present("file").sendKeys(file.toAbsolutePath().toString());
            find("upload").click();
            wait.until(ExpectedConditions.attributeContains(
                    By.cssSelector("#checklist li[data-code='" + code + "']"), "class", "provided"));
            Files.delete(file);
        }
        assertTrue(find("missing-count").getAttribute("class").contains("good"), "all required materials are there");
        shot("counter-case");
        noRawCodes();
        find("submit-case").click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "审核中"));
        String reviewer = Api.as("clerk").get("/api/cases/" + caseNumber).json().getString("assignedTo");

        // the back office: the inbox by deadline, the case beside its pages, the decision
        signIn(reviewer);
        go("/tasks");
        find("tasks");
        browser.findElement(By.cssSelector("tr[data-case='" + caseNumber + "'] a"))
                .click();
        pageShown();
        assertTrue(find("page-text").getText().contains(word), "the OCR text is shown beside the page");
        shot("review");
        noRawCodes();
        find("decision-comment").sendKeys("材料齐全，同意参保登记");
        find("decide-APPROVE").click();
        wait.until(d -> !d.getCurrentUrl().endsWith("/tasks/" + caseNumber));
        assertEquals(
                "ARCHIVED",
                Api.as("clerk").get("/api/cases/" + caseNumber).json().getString("status"));

        // the archive room: full text, the record with its four-property report, a watermarked page
        signIn("archivist");
        go("/archive");
        find("search-q").sendKeys(word);
        find("search-submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-total"), "共"));
        assertTrue(
                find("hits").findElements(By.tagName("mark")).stream()
                        .anyMatch(m -> m.getText().contains(word)),
                "the hit is highlighted: " + find("hits").getText());
        shot("archive-search");
        find("hits").findElement(By.cssSelector("a.hit-link")).click();
        find("archive-number");
        pageShown();
        WebElement checks = find("checks");
        assertTrue(checks.getText().contains("通过"), "the four-property report passed: " + checks.getText());
        shot("archive-record");
        noRawCodes();
    }

    @Test
    void aUserChangesTheirOwnPasswordOnTheScreenAndNoScreenTripsTheContentSecurityPolicy() throws Exception {
        String user = "pwscreen" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = Api.as("admin")
                .put(
                        "/api/admin/users/" + user,
                        "{\"username\":\"" + user
                                + "\",\"displayName\":\"改密测试\",\"hall\":\"HALL-01\",\"roles\":[\"clerk\"],\"skills\":[],"
                                + "\"absent\":false,\"enabled\":true,\"password\":\"" + Api.PASSWORD + "\"}");
        assertEquals(200, created.status(), created.body());
        browser.manage().deleteAllCookies();
        browser.get(Api.BASE + "/login.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        go("/password"); // outside the embedded default the app has gone there by itself
        find("pw-current").sendKeys(Api.PASSWORD);
        find("pw-new").sendKeys("Screen-pass-2026b");
        find("pw-again").sendKeys("Screen-pass-2026b");
        shot("password");
        find("pw-submit").click();
        // changed: the app leaves the form for the user's home screen (a refusal would keep it, with the reason)
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("password-form")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a")));
        assertEquals(200, new Api(user, "Screen-pass-2026b").get("/api/session").status(), "the new password works");
        assertEquals(401, new Api(user, Api.PASSWORD).get("/api/session").status(), "the old one does not");
        for (String screen : List.of("/counter", "/archive", "/borrowings")) {
            go(screen);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main > *")));
        }
        noPolicyViolations();
    }

    @Test
    void aFourEyesViolationIsShownInWordsAClerkUnderstands() throws Exception {
        String caseNumber = Cases.open(Api.as("deputy"), "ENROLL");
        Cases.uploadRequired(Api.as("deputy"), caseNumber, "four eyes");
        assertEquals(
                200,
                Api.as("deputy")
                        .post("/api/cases/" + caseNumber + "/submit", "{}")
                        .status());
        signIn("deputy");
        go("/tasks/" + caseNumber);
        find("case-number");
        // the case is not the deputy's to decide: no buttons; the API refuses even a crafted call, and the page says
        // why
        assertTrue(
                browser.findElements(By.id("decide-APPROVE")).isEmpty(), "no decision buttons on a case one accepted");
        assertTrue(find("four-eyes").getText().contains("前后台分离"), "the page says why");
        ((JavascriptExecutor) browser)
                .executeScript("import('/assets/app.js').then(m => m.act(null, () => m.api('/api/tasks/" + caseNumber
                        + "/decision', {method: 'POST', json: {decision: 'APPROVE', comment: 'ok'}})))");
        String message = alert();
        assertTrue(message.contains("不能审核") && message.contains("前后台分离"), message);
    }

    @Test
    void theMonitoringScreenAndTheEnglishTexts() throws Exception {
        signIn("manager");
        assertTrue(find("cases-today").isDisplayed(), "a manager starts at the monitoring screen");
        assertTrue(browser.findElements(By.id("nav-counter")).isEmpty(), "and sees no counter");
        find("cases-today");
        // an ECharts chart (the library served from the WAR) with the backlog's figures
        chartDrawn("chart-backlog");
        assertFalse(browser.findElement(By.id("monitoring")).getText().contains("channel."), "no raw message key");
        shot("monitoring");
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.id("nav-monitoring"), "Monitoring"));
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.id("nav-monitoring"), "运行监控"));
    }

    @Test
    void theStatisticsScreenShowsTheFiguresWithChartsAndDownloads() throws Exception {
        Cases.archived("ENROLL", Cases.newPerson(), java.util.Map.of());
        signIn("admin");
        go("/statistics");
        WebElement total =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#stat-table tr.total")));
        assertTrue(total.getText().startsWith("合计"), total.getText());
        assertTrue(find("stat-table").getText().contains("参保登记"), "the business by its Chinese name");
        chartDrawn("stat-chart-volume");
        assertTrue(find("stat-xlsx").getAttribute("href").contains("/api/statistics/cases.xlsx?"));
        new Select(find("stat-group")).selectByValue("day");
        find("stat-show").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#stat-table th"), "受理日期"));
        shot("statistics");
        noPolicyViolations();
    }

    @Test
    void theBigScreenFillsAFullHdWallDarkWithoutScrolling() throws Exception {
        signIn("manager");
        Dimension before = browser.manage().window().getSize();
        try {
            // the window's frame takes some of its height, even headless: a 1920 × 1080 viewport needs a taller window
            browser.manage().window().setSize(new Dimension(1920, 1080));
            long inner = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
            browser.manage().window().setSize(new Dimension(1920, (int) (1080 + 1080 - inner)));
            go("/wall");
            wait.until(ExpectedConditions.attributeToBeNotEmpty(find("wall"), "data-refreshed"));
            chartDrawn("wall-trend");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long scroll = (Long) js.executeScript("return document.documentElement.scrollHeight;");
            long height = (Long) js.executeScript("return window.innerHeight;");
            assertEquals(1080, height, "a full-HD wall");
            assertTrue(scroll <= height, "no scrolling: " + scroll + " > " + height);
            assertTrue(browser.findElements(By.cssSelector("header")).stream().noneMatch(WebElement::isDisplayed));
            String background = (String) js.executeScript("return getComputedStyle(document.body).backgroundColor;");
            assertEquals("rgb(10, 23, 38)", background, "dark");
            assertTrue(
                    find("wall-today").getText().matches("(?s)\\d+.*"),
                    find("wall-today").getText());
            Thread.sleep(1500); // the charts' data drawn
            shot("big-screen");
            go("/monitoring");
            wait.until(d -> browser.findElement(By.tagName("header")).isDisplayed());
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void theIntegrityScreenShowsTheIncrementalChecksCoverage() throws Exception {
        signIn("auditor");
        go("/integrity");
        WebElement coverage = find("fixity-coverage");
        assertTrue(coverage.getText().contains("增量校验（周期 90 天）"), coverage.getText());
        assertTrue(coverage.getText().contains("本周期已校验"), coverage.getText());
        assertTrue(find("orphan-scan").getText().startsWith("孤儿对象扫描"), coverage.getText());
        shot("integrity");
    }

    @Test
    void theTransferScreenShowsARefusedPackagesProblemsAndTheRegister() throws Exception {
        String person = Cases.newPerson();
        String caseNumber = Cases.archived("ENROLL", person, Map.of());
        Api.Response exported = Api.as("archivist")
                .post("/api/transfers/exports", "{\"scope\":\"DOSSIER\",\"caseNumber\":\"" + caseNumber + "\"}");
        assertEquals(200, exported.status(), exported.body());
        // one byte changed in the zip's first payload file: the receiver must refuse the package and say which file
        byte[] zip = exported.bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        String pdf = entries.keySet().stream()
                .filter(n -> n.endsWith(".pdf"))
                .findFirst()
                .orElseThrow();
        entries.get(pdf)[100] ^= 1;
        Path tampered = Files.createTempFile("tampered", ".zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        signIn("archivist");
        go("/transfer");
        present("transfer-file").sendKeys(tampered.toString());
        find("transfer-fonds").sendKeys("F909");
        find("transfer-receive").click();
        WebElement result = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transfer-result .notice.error")));
        assertTrue(
                result.getText().contains("全部拒收")
                        && result.getText().contains("changed file: " + pdf.substring(pdf.indexOf('/') + 1)),
                result.getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transfer-register"), "拒收"));
        shot("transfer");
        Files.deleteIfExists(tampered);
    }

    @Test
    void aClerkFindsACaseSentBackInTheirListAndAnApplicantWithdrawsOne() throws Exception {
        Api clerk = Api.as("clerk");
        String person = Cases.newPerson();
        String returned = Cases.ready("PENSION", person, java.util.Map.of());
        String reviewer = Cases.submit(returned);
        assertEquals(
                200,
                Api.as(reviewer)
                        .post(
                                "/api/tasks/" + returned + "/decision",
                                "{\"decision\":\"SUPPLEMENT\",\"comment\":\"户口簿复印件缺少本人页\"}")
                        .status());
        String leaving = Cases.open(clerk, "ENROLL", person, "李建国");
        signIn("clerk");
        find("reminders");
        assertTrue(find("reminder-returnedToMe").getText().matches(".*[1-9][0-9]*.*"), "the badge counts it");
        find("reminder-returnedToMe").click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#case-list tr[data-case='" + returned + "']")));
        assertTrue(row.getText().contains("需补正"), row.getText());
        assertTrue(row.getText().contains("户口簿复印件缺少本人页"), "the reviewer's reason: " + row.getText());
        assertTrue(row.getText().contains("基本养老金核定"), row.getText());
        assertFalse(row.getText().contains(person), "the list masks the citizen ID");
        noRawCodes();
        shot("case-list");

        go("/cases/all?applicant=" + person);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#case-list tr[data-case='" + leaving + "']")));
        browser.findElement(By.cssSelector("#case-list tr[data-case='" + leaving + "'] a"))
                .click();
        find("end-reason").sendKeys("申请人决定暂不办理");
        find("end-withdraw").click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "已撤回"));
        assertTrue(find("closure").getText().contains("申请人决定暂不办理"));
        noRawCodes();
    }

    @Test
    void theCounterShowsAPhotosCaptureLiveFromProcessingToTheArchivalCopy() throws Exception {
        String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
        Path photo = Files.createTempFile("表格照片", ".jpg");
        Files.write(
                photo,
                CaptureIT.jpeg(FormScans.photographed(FormScans.form(93, false).image())));
        signIn("clerk");
        go("/counter/" + caseNumber);
        new Select(find("material")).selectByValue("APPLICATION_FORM");
        present("file").sendKeys(photo.toAbsolutePath().toString());
        find("upload").click();
        WebElement state = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#documents .doc-state.processing")));
        assertTrue(state.getText().contains("正在转换"), state.getText());
        shot("counter-capture-processing");
        // a capture worker (the station's pipeline, here in the test JVM) takes the job; the screen refreshes itself
        try (Pipeline pipeline = new Pipeline(
                StandardComponents.create(CaptureSettings.fromEnvironment().withWorkers(1)),
                CaptureSettings.fromEnvironment().withWorkers(1))) {
            CaptureWorker worker = new CaptureWorker(
                    new ArchiveApiClient(URI.create(Api.BASE), "station", Api.PASSWORD),
                    pipeline,
                    Files.createTempDirectory("browser-worker"),
                    "browser-it");
            for (int i = 0; i < 20 && worker.runOnce(); i++) {
                // until the queue is empty (other tests' jobs are taken on the way)
            }
        }
        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#documents .doc-state.good")));
        assertTrue(done.getText().contains("已转换"), done.getText());
        assertTrue(
                browser.findElement(By.id("documents"))
                        .getText()
                        .contains(photo.getFileName().toString().replace(".jpg", ".pdf")),
                "the archival copy is listed beside the photo");
        shot("counter-capture-done");
        Files.delete(photo);
    }

    @Test
    void aReviewerComputesAPensionBesideTheCaseAndTheSheetJoinsTheDossier() throws Exception {
        String caseNumber = Cases.ready("PENSION", Cases.newPerson(), Map.of());
        String reviewer = Cases.submit(caseNumber);
        signIn(reviewer);
        go("/tasks/" + caseNumber);
        find("pension");
        for (var field : Map.of(
                        "year", "2026", "contributionYears", "30", "averageIndex", "1.0", "accountBalance", "139000")
                .entrySet()) {
            WebElement input = find("pension-" + field.getKey());
            input.clear();
            input.sendKeys(field.getValue());
        }
        find("pension-compute").click();
        // 12,964 × (1 + 1.0) / 2 × 30 × 1% = 3,889.20; 139,000 / 139 = 1,000.00; no deemed years
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pension-result"), "4889.20"));
        shot("pension");
        assertTrue(
                Api.as(reviewer)
                        .get("/api/cases/" + caseNumber)
                        .json()
                        .getJsonArray("documents")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .anyMatch(d -> d.getString("material").equals("PENSION_SHEET")),
                "the sheet is in the case");
    }

    /**
     * The Scan button against the real station: SANE's test scanner behind a real saned, the station's local agent on
     * 127.0.0.1:17300 and its station loop (pipeline, upload) in this JVM; the page shows the pages as they are scanned,
     * then the quality-control table, and the clerk's approval sends the batch to the server.
     */
    @Test
    void theScanButtonScansThroughTheLocalAgentAndTheApprovedBatchReachesTheCase() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Saned.BINARY), "sane-utils not installed (./earchive installs it)");
        Path dir = Files.createTempDirectory("scan-it");
        try (var saned = new Saned(Files.createDirectories(dir.resolve("sane")))) {
            // a page with something on it (SANE's test backend's colour pattern, in grey) rather than the default solid
            // black
            Path conf = dir.resolve("sane/test.conf");
            Files.writeString(
                    conf,
                    Files.readString(conf).replace("test-picture \"Solid black\"", "test-picture \"Color pattern\""));
            var scanner = new SaneScanner();
            var scanSettings = new SaneScanner.Settings(300, "Gray", true, 2);
            try (var station = new CounterStation(
                    dir, (batch, progress) -> scanner.scan(saned.device(), scanSettings, batch, progress::page))) {
                String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
                signIn("clerk");
                ((JavascriptExecutor) browser)
                        .executeScript("localStorage.setItem('earchive.agentToken', arguments[0])", station.token);
                go("/counter/" + caseNumber);
                new Select(find("material")).selectByValue("ID_CARD");
                find("scan").click();
                // pages appear as the scanner delivers them, then the station's quality control
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scan-area .thumb")));
                awaitQualityControl(station.spool);
                WebElement approve = find("qc-approve");
                assertTrue(
                        find("quality-control").getText().contains("300"),
                        "the table shows each page's resolution: "
                                + find("quality-control").getText());
                shot("counter-scan");
                approve.click();
                List<JsonObject> docs = awaitUploaded(caseNumber);
                assertTrue(
                        docs.stream()
                                .anyMatch(d -> d.getString("material").equals("ID_CARD")
                                        && d.getString("role").equals("ARCHIVAL")
                                        && d.getString("contentType").equals("application/pdf")),
                        "the approved scan reached the case as PDF/A: " + docs);
            }
        }
    }

    /**
     * The counter types nothing it scanned: the application form is scanned before the case exists, the citizen ID
     * and name the station read (and checked) fill the open-case form, the clerk confirms, and the scan follows the
     * case it opened through quality control to the server. The scanner here hands over a generated form (SANE's test
     * backend draws only patterns; the SANE path itself is the test above).
     */
    @Test
    void scanToFillInProposesTheApplicantFromTheFormAndTheScanFollowsTheCase() throws Exception {
        FormScans.Scan form = FormScans.form(4242, false);
        BufferedImage grey = FormScans.grey(form.image());
        byte[] tiff = TiffPage.encode(grey, 300);
        Path dir = Files.createTempDirectory("read-it");
        try (var station = new CounterStation(dir, (batch, progress) -> {
            batch.keep("form.tif", new ByteArrayInputStream(tiff));
            progress.page(1, grey.getWidth(), grey.getHeight());
            return 1;
        })) {
            signIn("clerk");
            ((JavascriptExecutor) browser)
                    .executeScript("localStorage.setItem('earchive.agentToken', arguments[0])", station.token);
            go("/counter");
            new Select(find("business-type")).selectByValue("ENROLL");
            new Select(find("read-material")).selectByValue("APPLICATION_FORM");
            assertEquals("", find("citizen-id").getAttribute("value"));
            find("scan-read").click();
            new WebDriverWait(browser, Duration.ofSeconds(120))
                    .until(d -> !d.findElements(By.id("read-result")).isEmpty()
                            || !d.findElements(By.cssSelector("#notice .error")).isEmpty());
            assertEquals(
                    FormScans.citizenId(form),
                    find("citizen-id").getAttribute("value"),
                    find("read-area").getText());
            assertEquals(FormScans.name(form), find("applicant-name").getAttribute("value"));
            assertTrue(find("citizen-id").getAttribute("class").contains("proposed"), "marked for the clerk to check");
            shot("counter-read");
            find("open-case").click();
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return location.hash"))
                    .matches("#/counter/C\\d+"));
            String caseNumber = String.valueOf(((JavascriptExecutor) browser).executeScript("return location.hash"))
                    .substring("#/counter/".length());
            assertEquals(
                    FormScans.citizenId(form),
                    Api.as("clerk").get("/api/cases/" + caseNumber).json().getString("applicantIdNumber"));
            awaitQualityControl(station.spool);
            assertTrue(
                    find("qc-fields").getText().contains(FormScans.citizenId(form)),
                    find("qc-fields").getText());
            find("qc-approve").click();
            List<JsonObject> docs = awaitUploaded(caseNumber);
            assertTrue(
                    docs.stream()
                            .anyMatch(d -> d.getString("material").equals("APPLICATION_FORM")
                                    && d.getString("role").equals("ARCHIVAL")),
                    "the scan that filled in the form went with its case: " + docs);
        }
    }

    private void awaitQualityControl(Spool spool) throws Exception {
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("qc-approve")).isEmpty()
                        || !d.findElements(By.cssSelector("#quality-control p.bad"))
                                .isEmpty());
        assertTrue(
                browser.findElements(By.cssSelector("#quality-control p.bad")).isEmpty(),
                "the station could not process the scan: " + find("scan-area").getText() + " "
                        + spool.batches().stream()
                                .map(b -> b.id() + " " + b.state() + " " + failure(b))
                                .toList());
    }

    /** Waits until the station has uploaded the PDF/A and the scanner's original to the case; returns its documents. */
    private static List<JsonObject> awaitUploaded(String caseNumber) throws Exception {
        long until = System.currentTimeMillis() + 120_000;
        List<JsonObject> docs = List.of();
        while (System.currentTimeMillis() < until) {
            docs = Api.as("clerk")
                    .get("/api/cases/" + caseNumber)
                    .json()
                    .getJsonArray("documents")
                    .getValuesAs(JsonObject.class);
            if (docs.stream().anyMatch(d -> d.getString("role").equals("ARCHIVAL"))
                    && docs.stream().anyMatch(d -> d.getString("role").equals("ORIGINAL"))) {
                return docs;
            }
            Thread.sleep(500);
        }
        return docs;
    }

    private static String failure(SpoolBatch batch) {
        try {
            return String.valueOf(Station.failure(batch));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
