package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.Spool;
import org.earchive.capture.station.SpoolBatch;
import org.earchive.capture.station.Station;
import org.earchive.capture.station.port.ArchiveServer;
import org.earchive.capture.testing.FormScans;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter station against the real server: pages spooled on the station's disk, processed to PDF/A, uploaded
 * with idempotency keys, the server's digests compared, and only then the spool emptied — also when the server was
 * away at first and when an earlier answer was lost.
 */
@ExtendWith(ArquillianExtension.class)
class StationIT {
    private static Pipeline pipeline;

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void start() throws Exception {
        Accounts.ensure("clerk", "station", "archivist");
        CaptureSettings settings = CaptureSettings.fromEnvironment().withWorkers(2);
        pipeline = new Pipeline(StandardComponents.create(settings), settings);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aScannedBatchReachesTheServerOnceAndLeavesTheStationOnlyWhenConfirmed() throws Exception {
        String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
        Spool spool = new Spool(dir.resolve("spool"));
        SpoolBatch batch = spool.open(caseNumber, "APPLICATION_FORM", "clerk");
        // grey, as counter scanners send plain forms (the server tests cap uploads at 1 MiB)
        Path scan = FormScans.tiff(
                dir.resolve("scan.tif"),
                List.of(FormScans.grey(FormScans.form(77, false).image()), FormScans.blank(2)),
                300);
        try (var in = Files.newInputStream(scan)) {
            batch.accept("scan.tif", in);
        }
        batch.close();

        // the server is away: the batch is processed and kept, nothing is lost, the pause grows
        Station offline = new Station(
                spool, pipeline, new ArchiveApiClient(URI.create("http://127.0.0.1:9"), "station", Api.PASSWORD));
        Station.Round first = offline.runOnce();
        assertEquals(1, first.processed());
        assertEquals(1, first.waiting());
        assertEquals(Spool.State.PROCESSED, batch.state());
        assertEquals(4, offline.pause().toSeconds(), "the pause grows while the server is away");
        assertEquals(1, offline.runOnce().waiting());
        assertEquals(8, offline.pause().toSeconds());
        Path pdf = batch.output().resolve("0001-scan.pdf");
        assertTrue(Files.exists(pdf), "the PDF/A waits in the spool");
        String pdfSha = sha256(pdf);
        String originalSha = sha256(scan);

        // an earlier attempt reached the server but its answer was lost (the station crashed before noting it)
        ArchiveApiClient client = new ArchiveApiClient(URI.create(Api.BASE), "station", Api.PASSWORD);
        ArchiveServer.Uploaded lost = client.upload(
                caseNumber, "APPLICATION_FORM", "ARCHIVAL", pdf, "application/pdf", batch.id() + ":" + pdfSha);
        assertFalse(lost.replayed());

        Station online = new Station(spool, pipeline, client);
        Station.Round second = online.runOnce();
        assertEquals(1, second.uploaded(), second.toString());
        assertTrue(Files.notExists(batch.dir()), "the spool forgets the batch once the server confirmed every digest");

        JsonObject c = Api.as("clerk").get("/api/cases/" + caseNumber).json();
        var docs = c.getJsonArray("documents");
        assertEquals(2, docs.size(), "one PDF/A and one original, no duplicate from the retry: " + docs);
        JsonObject archival = docs.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("role").equals("ARCHIVAL"))
                .findFirst()
                .orElseThrow();
        JsonObject original = docs.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("role").equals("ORIGINAL"))
                .findFirst()
                .orElseThrow();
        assertEquals(pdfSha, archival.getString("sha256"));
        assertEquals(lost.id(), archival.getJsonNumber("id").longValue(), "the retry got the first upload's document");
        assertEquals(originalSha, original.getString("sha256"), "the raw scan is kept beside the PDF/A");
        byte[] back = Api.as("archivist")
                .get("/api/documents/" + lost.id() + "/content")
                .bytes();
        assertEquals(
                pdfSha,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(back)));
    }

    @Test
    void aBatchTheServerRefusesIsKeptWithTheReason() throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        SpoolBatch batch = spool.open("C209901010000001", "APPLICATION_FORM", "clerk");
        Path scan = FormScans.tiff(
                dir.resolve("scan.tif"),
                List.of(FormScans.grey(FormScans.form(78, false).image())),
                300);
        try (var in = Files.newInputStream(scan)) {
            batch.accept("scan.tif", in);
        }
        batch.close();
        Station station =
                new Station(spool, pipeline, new ArchiveApiClient(URI.create(Api.BASE), "station", Api.PASSWORD));
        Station.Round r = station.runOnce();
        assertEquals(1, r.failed());
        assertEquals(Spool.State.FAILED, batch.state());
        assertEquals("CASE_NOT_FOUND", Station.failure(batch).getString("code"));
        assertTrue(Files.exists(batch.originalFiles().get(0)), "the scan stays on the station");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
