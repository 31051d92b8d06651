package org.earchive.capture.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.infrastructure.imageio.TiffPage;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.testing.FormScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clerk's quality control before upload: the batch waits in review; duplicates across the batch are shown; a
 * page the machine could not turn upright is turned by hand; a page is deleted, the order changed; only an approved
 * batch goes to the server.
 */
class QualityControlTest {
    @TempDir
    Path dir;

    @Test
    void theClerkCorrectsTheBatchBeforeItMayLeave() throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        SpoolBatch batch = spool.open("C202611300000005", "ID_CARD", "clerk");
        BufferedImage form = FormScans.grey(FormScans.form(91, false).image());
        add(batch, "form.tif", form);
        add(batch, "note.tif", FormScans.upsideDown(sparseNote()));
        add(batch, "form-again.tif", form);
        batch.close();

        CaptureSettings settings = CaptureSettings.fromEnvironment().withWorkers(2);
        try (Pipeline pipeline = new Pipeline(StandardComponents.create(settings), settings)) {
            Station station = new Station(
                    spool, pipeline, new ArchiveApiClient(URI.create("http://127.0.0.1:9"), "service", "x"), true);
            Station.Round first = station.runOnce();
            assertEquals(1, first.processed());
            assertEquals(0, first.waiting(), "nothing is sent before the clerk approves");
            assertEquals(Spool.State.REVIEW, batch.state());

            JsonObject report = QualityReport.of(batch);
            assertEquals(3, report.getInt("pageCount"));
            var pages = report.getJsonArray("pages").getValuesAs(JsonObject.class);
            assertEquals(1, pages.get(2).getInt("duplicateOf"), "the sheet fed twice is found across the batch");
            assertEquals(300, pages.get(0).getInt("dpi"));
            assertEquals(
                    FormScans.citizenId(FormScans.form(91, false)),
                    pages.get(0)
                            .getJsonObject("fields")
                            .getJsonObject("citizenId")
                            .getString("value"),
                    "the counter is offered the ID the form carries, checked");
            assertFalse(text(batch, "0002-note").contains("申请日期"), "two lines upside down: too little for OSD");

            batch.discard(batch.originalFiles().get(2));
            batch.turn(batch.originalFiles().get(1), 180);
            batch.reorder(
                    List.of(batch.originalFiles().get(1), batch.originalFiles().get(0)));
            assertEquals(Spool.State.QUEUED, batch.state(), "a corrected batch is processed again");
            assertThrows(IllegalStateException.class, batch::approve);

            station.runOnce();
            assertEquals(Spool.State.REVIEW, batch.state());
            report = QualityReport.of(batch);
            assertEquals(2, report.getInt("pageCount"));
            pages = report.getJsonArray("pages").getValuesAs(JsonObject.class);
            assertTrue(pages.get(0).getString("file").endsWith("note.tif"), "the new order holds");
            assertEquals(180, pages.get(0).getInt("rotation"));
            assertTrue(text(batch, "0001-note").contains("申请日期"), "read once turned by the clerk");
            assertTrue(
                    Files.exists(batch.dir().resolve("discarded/0003-form-again.tif")), "a deleted page is set aside");
            assertFalse(report.getJsonArray("warnings").toString().contains("DUPLICATE_PAGE"));

            batch.approve();
            Station.Round sent = station.runOnce();
            assertEquals(1, sent.waiting(), "approved: now it goes to the server (which is away)");
            assertEquals(Spool.State.PROCESSED, batch.state());
        }
    }

    /**
     * The counter scans the application form before the case exists: the batch is read (its citizen ID and name
     * proposed, checked), held in review while the case is opened, then given to the case, processed again and sent.
     */
    @Test
    void aFormScannedBeforeItsCaseProposesTheApplicantAndFollowsTheCaseItOpened() throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        SpoolBatch batch = spool.open(null, "APPLICATION_FORM", "clerk");
        FormScans.Scan scan = FormScans.form(4242, false);
        add(batch, "form.tif", FormScans.grey(scan.image()));
        batch.close();

        CaptureSettings settings = CaptureSettings.fromEnvironment().withWorkers(1);
        try (Pipeline pipeline = new Pipeline(StandardComponents.create(settings), settings)) {
            Station station = new Station(
                    spool, pipeline, new ArchiveApiClient(URI.create("http://127.0.0.1:9"), "service", "x"), true);
            station.runOnce();
            assertEquals(Spool.State.REVIEW, batch.state(), "read and held, not failed for want of a case");
            assertFalse(Files.exists(batch.dir().resolve(UploadPlan.FILE)), "nothing is planned without a case");
            JsonObject report = QualityReport.of(batch);
            assertFalse(report.getBoolean("assigned"));
            JsonObject proposed = report.getJsonObject("proposed");
            assertEquals(
                    FormScans.citizenId(scan),
                    proposed.getJsonObject("citizenId").getString("value"));
            assertEquals(FormScans.name(scan), proposed.getJsonObject("name").getString("value"));
            assertEquals(1, proposed.getJsonObject("citizenId").getInt("page"));
            assertThrows(IllegalStateException.class, batch::approve, "a batch without a case cannot leave");

            batch.assign("C202612070000042", null);
            assertThrows(IllegalStateException.class, () -> batch.assign("C202612070000043", null));
            SpoolBatch assigned = spool.batches().get(0);
            assertEquals("C202612070000042", assigned.caseNumber());
            assertEquals("APPLICATION_FORM", assigned.material());
            assertEquals(Spool.State.QUEUED, assigned.state(), "processed again so that its PDF/A names the case");
            station.runOnce();
            assertEquals(Spool.State.REVIEW, assigned.state());
            assertTrue(UploadPlan.read(assigned.dir()).uploads().stream()
                    .allMatch(u -> u.caseNumber().equals("C202612070000042")));
            assigned.approve();
            assertEquals(1, station.runOnce().waiting(), "approved: it goes to the server (which is away)");
        }
    }

    private static String text(SpoolBatch batch, String stem) throws Exception {
        try (var r = Json.createReader(Files.newBufferedReader(batch.output().resolve(stem + ".json")))) {
            return r.readObject()
                    .getJsonArray("pages")
                    .getJsonObject(0)
                    .getString("text")
                    .replaceAll("\\s+", "");
        }
    }

    private static void add(SpoolBatch batch, String name, BufferedImage page) throws Exception {
        batch.accept(name, new ByteArrayInputStream(TiffPage.encode(page, 300)));
    }

    /** A slip with two short lines: an upside-down one gives orientation detection too little to go on. */
    private static BufferedImage sparseNote() {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(FormScans.font(60f));
        g.drawString("申请日期", 300, 400);
        g.drawString("王芳", 300, 520);
        g.dispose();
        return page;
    }
}
