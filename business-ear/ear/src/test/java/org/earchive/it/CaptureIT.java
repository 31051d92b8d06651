package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.CaptureWorker;
import org.earchive.capture.station.port.ArchiveServer;
import org.earchive.capture.station.port.CaptureJobs;
import org.earchive.capture.testing.FormScans;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side capture against the real server, with a real capture worker (the station's pipeline, in this JVM): a
 * phone photo uploaded without a role is kept as the ORIGINAL and answered at once as PROCESSING; the worker's PDF/A
 * joins the case with its text; a blank photo ends FAILED with the pipeline's code; the case is not submitted while
 * an original is being captured or failed; a job is one worker's at a time and its result recorded once.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(ThinPathIT.EMBEDDED_TOO)
class CaptureIT {
    private static final Api CLERK = Api.as("clerk");
    private static Pipeline pipeline;
    private static ArchiveApiClient station;

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void start() throws Exception {
        Accounts.ensure("clerk", "station", "manager", "auditor");
        CaptureSettings settings = CaptureSettings.fromEnvironment().withWorkers(1);
        pipeline = new Pipeline(StandardComponents.create(settings), settings);
        station = new ArchiveApiClient(URI.create(Api.BASE), "station", Api.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aPhotoUploadedWithoutAStationBecomesTheArchivalPdfAWithItsText() throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL");
        FormScans.Scan form = FormScans.form(91, false);
        byte[] photo = jpeg(FormScans.photographed(form.image()));
        long started = System.nanoTime();
        Api.Response uploaded = CLERK.upload(caseNumber, "APPLICATION_FORM", "表格照片.jpg", "image/jpeg", photo, true);
        long answeredMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject original = uploaded.json();
        assertEquals("ORIGINAL", original.getString("role"), "the photo is kept as the original");
        assertEquals("PROCESSING", original.getJsonObject("capture").getString("state"));
        assertTrue(answeredMs < 5000, "answered without waiting for OCR: " + answeredMs + " ms");
        long id = original.getJsonNumber("id").longValue();
        Cases.uploadRequired(CLERK, caseNumber, "ENROLL");

        Api.Response early = CLERK.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(409, early.status(), early.body());
        assertEquals("CAPTURE_PENDING", early.json().getString("code"));
        assertEquals(403, CLERK.post("/api/capture/jobs/claim", "").status(), "a clerk takes no capture jobs");
        JsonObject queue = Api.as("manager").get("/api/capture/queue").json();
        assertTrue(queue.getJsonNumber("queued").longValue() >= 1, queue.toString());

        CaptureWorker worker = new CaptureWorker(station, pipeline, dir.resolve("worker"), "it-1");
        drain(worker, caseNumber, id);
        JsonObject capture = document(caseNumber, id).getJsonObject("capture");
        assertEquals("DONE", capture.getString("state"), capture.toString());
        long archivalId = capture.getJsonNumber("archivalDocumentId").longValue();
        JsonObject archival = document(caseNumber, archivalId);
        assertEquals("ARCHIVAL", archival.getString("role"));
        assertEquals("APPLICATION_FORM", archival.getString("material"));
        assertEquals("application/pdf", archival.getString("contentType"));
        assertEquals("表格照片.pdf", archival.getString("fileName"));
        String text = CLERK.get("/api/documents/" + archivalId + "/text").body().replaceAll("\\s+", "");
        Matcher citizenId = Pattern.compile("\\d{17}[\\dX]").matcher(form.truth());
        assertTrue(citizenId.find(), form.truth());
        assertTrue(
                text.contains("姓名") && text.contains(citizenId.group()),
                "the form's words and its citizen ID are in the text layer: " + text);

        Api.Response submitted = CLERK.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(200, submitted.status(), "submitted once its original is captured: " + submitted.body());
    }

    @Test
    void aBlankPhotoFailsWithThePipelinesCodeAndHoldsTheCaseBack() throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL");
        Cases.uploadRequired(CLERK, caseNumber, "ENROLL");
        Api.Response uploaded =
                CLERK.upload(caseNumber, "LABOUR_CONTRACT", "blank.jpg", "image/jpeg", jpeg(FormScans.blank(5)), true);
        assertEquals(201, uploaded.status(), uploaded.body());
        long id = uploaded.json().getJsonNumber("id").longValue();
        drain(new CaptureWorker(station, pipeline, dir.resolve("worker"), "it-2"), caseNumber, id);
        JsonObject capture = document(caseNumber, id).getJsonObject("capture");
        assertEquals("FAILED", capture.getString("state"), capture.toString());
        assertEquals("ALL_PAGES_BLANK", capture.getString("errorCode"));
        assertFalse(capture.getString("message").isBlank());
        Api.Response submit = CLERK.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(409, submit.status(), submit.body());
        assertEquals("CAPTURE_FAILED", submit.json().getString("code"));
        assertTrue(submit.json().getString("message").contains("blank.jpg"), submit.body());

        // the clerk takes the failed file back (audited), and the case goes on with its other files
        Api.Response removed = CLERK.delete("/api/cases/" + caseNumber + "/documents/" + id + "?reason=blank");
        assertEquals(200, removed.status(), removed.body());
        assertFalse(CLERK.get("/api/cases/" + caseNumber).body().contains("blank.jpg"), "the failed file is gone");
        Api.Response submitted = CLERK.post("/api/cases/" + caseNumber + "/submit", "{}");
        assertEquals(200, submitted.status(), submitted.body());
        long other = CLERK.get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("documents")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Api.Response late = CLERK.delete("/api/cases/" + caseNumber + "/documents/" + other);
        assertEquals(409, late.status(), "nothing is taken back once the case is submitted: " + late.body());
        assertEquals("CASE_CLOSED_FOR_MATERIALS", late.json().getString("code"));
        String events = Api.as("auditor").get("/api/audit/events?limit=50").body();
        assertTrue(events.contains("DOCUMENT_REMOVED") && events.contains("doc:" + id), "audited");
    }

    @Test
    void aJobIsOneWorkersAtATimeAndItsResultIsRecordedOnce() throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL");
        Api.Response uploaded = CLERK.upload(
                caseNumber, "ID_CARD", "scanner.pdf", "application/pdf", Samples.plainPdf("scanner"), true);
        assertEquals("PROCESSING", uploaded.json().getJsonObject("capture").getString("state"), uploaded.body());
        long id = uploaded.json().getJsonNumber("id").longValue();
        CaptureJobs.Job job = claimUntil(station, "it-a", id);
        assertEquals(1, job.attempt());
        assertEquals(List.of(), mine(station.claim("it-b", 16), id), "held jobs are not handed to another worker");

        Path original = dir.resolve("original.pdf");
        station.original(id, "it-a", original);
        assertEquals(
                Cases.sha256Hex(Files.readAllBytes(original)), uploaded.json().getString("sha256"));
        Path pdf = dir.resolve("result.pdf");
        Files.write(pdf, Samples.pdf("身份证复印件"));
        try {
            station.complete(id, "it-b", 1, pdf);
            throw new AssertionError("another worker's result was taken");
        } catch (ArchiveServer.Rejected e) {
            assertEquals("CAPTURE_JOB_NOT_HELD", e.code());
        }
        ArchiveServer.Uploaded first = station.complete(id, "it-a", 1, pdf);
        ArchiveServer.Uploaded again = station.complete(id, "it-a", 1, pdf);
        assertFalse(first.replayed());
        assertTrue(again.replayed(), "a retry after a lost answer gets the same document");
        assertEquals(first.id(), again.id());
        long archival = CLERK.get("/api/cases/" + caseNumber).json().getJsonArray("documents").stream()
                .map(v -> (JsonObject) v)
                .filter(d -> d.getString("role").equals("ARCHIVAL"))
                .count();
        assertEquals(1, archival, "one archival copy");
    }

    @Test
    void aJobWhoseWorkerDiedGoesToTheNextWorkerWhenItsLeaseRunsOut() throws Exception {
        String caseNumber = Cases.open(CLERK, "ENROLL");
        Api.Response uploaded =
                CLERK.upload(caseNumber, "ID_CARD", "phone.pdf", "application/pdf", Samples.plainPdf("phone"), true);
        long id = uploaded.json().getJsonNumber("id").longValue();
        claimUntil(station, "it-dead", id); // and it never answers: killed mid-job
        Thread.sleep(9_000); // the lease (EARCHIVE_CAPTURE_LEASE_SECONDS=8 in the server tests)
        CaptureJobs.Job again = claimUntil(station, "it-next", id);
        assertEquals(2, again.attempt(), "the second claim of the job");
        Path pdf = dir.resolve("next.pdf");
        Files.write(pdf, Samples.pdf("身份证复印件"));
        ArchiveServer.Uploaded done = station.complete(id, "it-next", 1, pdf);
        // the first worker comes back late: its failure is refused, its result is the document already recorded
        try {
            station.fail(id, "it-dead", "OCR_FAILED", "late");
            throw new AssertionError("a late failure overwrote the job");
        } catch (ArchiveServer.Rejected e) {
            assertEquals("CAPTURE_JOB_NOT_HELD", e.code());
        }
        assertEquals(done.id(), station.complete(id, "it-dead", 1, pdf).id(), "one archival copy, whoever answers");
        assertEquals("DONE", document(caseNumber, id).getJsonObject("capture").getString("state"));
    }

    /** Runs the worker until the job of {@code id} is no longer processing (other tests' jobs are done on the way). */
    private static void drain(CaptureWorker worker, String caseNumber, long id) throws Exception {
        for (int i = 0; i < 40; i++) {
            JsonObject capture = document(caseNumber, id).getJsonObject("capture");
            if (!capture.getString("state").equals("PROCESSING")) {
                return;
            }
            if (!worker.runOnce()) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("document " + id + " still processing");
    }

    private static CaptureJobs.Job claimUntil(CaptureJobs jobs, String worker, long id) throws Exception {
        for (int i = 0; i < 40; i++) {
            for (CaptureJobs.Job j : jobs.claim(worker, 16)) {
                if (j.documentId() == id) {
                    return j;
                }
            }
        }
        throw new AssertionError("job " + id + " never claimed");
    }

    private static List<CaptureJobs.Job> mine(List<CaptureJobs.Job> jobs, long id) {
        return jobs.stream().filter(j -> j.documentId() == id).toList();
    }

    private static JsonObject document(String caseNumber, long id) throws Exception {
        return CLERK.get("/api/cases/" + caseNumber).json().getJsonArray("documents").stream()
                .map(v -> (JsonObject) v)
                .filter(d -> d.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    /** A phone's JPEG, small enough for the server tests' 1 MiB upload limit. */
    static byte[] jpeg(BufferedImage image) throws Exception {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.6f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
