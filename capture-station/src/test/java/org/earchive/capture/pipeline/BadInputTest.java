package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.interfaces.cli.CaptureCommand;
import org.earchive.capture.pipeline.port.OcrEngine;
import org.earchive.capture.testing.FormScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input gets its stable code, the original is kept, and the rest of the batch is processed. Runs
 * without the shared corpus: every file is made here.
 */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void aBatchOfBadFilesAndOneGoodOneThroughTheCommandLine() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("empty.pdf"), new byte[0]);
        Path good = FormScans.tiff(
                in.resolve("good.tif"), List.of(FormScans.form(5, false).image()), 300);
        Files.copy(good, in.resolve("lying.pdf"));
        Files.write(in.resolve("bomb.png"), pngHeaderOnly(35_000, 35_000));
        Files.write(
                in.resolve("truncated.pdf"),
                "%PDF-1.7\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
        Files.write(
                in.resolve("notes.docx"), "PK\u0003\u0004 not really a document".getBytes(StandardCharsets.ISO_8859_1));
        byte[] lowRes = tiffBytes(dir.resolve("low.tif"), 100);
        Files.write(in.resolve("low.tif"), lowRes);
        Path out = dir.resolve("out");

        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int status = CaptureCommand.run(
                new String[] {
                    "process", "--in", in.toString(), "--out", out.toString(), "--lang", "chi_sim", "--workers", "2"
                },
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                null);

        assertEquals(2, status, "exit status 2 when any input failed\n" + stderr);
        assertEquals("EMPTY_FILE", error(out, "empty").getString("code"));
        assertEquals("TYPE_MISMATCH", error(out, "lying").getString("code"));
        assertEquals("IMAGE_TOO_LARGE", error(out, "bomb").getString("code"));
        assertEquals("INVALID_PDF", error(out, "truncated").getString("code"));
        assertEquals("UNSUPPORTED_FORMAT", error(out, "notes").getString("code"));
        assertEquals("RESOLUTION_TOO_LOW", error(out, "low").getString("code"));
        for (String name : List.of("empty.pdf", "lying.pdf", "bomb.png", "truncated.pdf", "notes.docx", "low.tif")) {
            assertArrayEquals(
                    Files.readAllBytes(in.resolve(name)),
                    Files.readAllBytes(out.resolve("quarantine").resolve(name)),
                    name + " is kept, unchanged, in quarantine");
        }
        assertTrue(error(out, "lying").getString("message").contains("Rename"), "the message says what to do");

        JsonObject sidecar = json(out.resolve("good.json"));
        assertEquals(Pipeline.sha256(good), sidecar.getString("sha256"));
        JsonObject page = sidecar.getJsonArray("pages").getJsonObject(0);
        for (String field :
                List.of("index", "text", "skewDegrees", "rotation", "blank", "barcodes", "dpi", "confidence")) {
            assertTrue(page.containsKey(field), "sidecar page field " + field);
        }
        assertEquals(300, page.getInt("dpi"));
        assertTrue(Files.size(out.resolve("good.pdf")) > 1000, "the good input still became a PDF/A");
    }

    @Test
    void anOcrEngineCrashFailsThatInputOnlyAndTheEngineIsReplaced() throws Exception {
        CaptureSettings settings = PipelineFixture.settings("chi_sim").withWorkers(1);
        Components real = StandardComponents.create(settings);
        Path crashing = FormScans.tiff(
                dir.resolve("crash.tif"), List.of(FormScans.form(7, false).image()), 300);
        Path fine = FormScans.tiff(
                dir.resolve("fine.tif"), List.of(FormScans.form(8, false).image()), 300);
        int[] created = {0};
        OcrEngine.Factory faulty = () -> {
            created[0]++;
            OcrEngine engine = real.ocr().create();
            boolean crashes = created[0] == 1;
            return new OcrEngine() {
                @Override
                public OcrResult recognise(PageRaster grey) {
                    if (crashes) {
                        throw new IllegalStateException("simulated engine crash (SIGSEGV in libtesseract)");
                    }
                    return engine.recognise(grey);
                }

                @Override
                public Orientation orientation(PageRaster grey) {
                    return engine.orientation(grey);
                }

                @Override
                public void close() {
                    engine.close();
                }
            };
        };
        try (Pipeline pipeline = new Pipeline(real.withOcr(faulty), settings)) {
            CaptureResult first = pipeline.process(crashing, dir, Pipeline.Context.none());
            CaptureResult second = pipeline.process(fine, dir, Pipeline.Context.none());
            assertEquals(CaptureError.OCR_FAILED, first.error());
            assertTrue(Files.notExists(dir.resolve("crash.pdf")));
            Path kept = dir.resolve("work").resolve("crash").resolve("0001_ocr.png");
            assertTrue(Files.size(kept) > 1000, "the page as it entered the failed step is kept: " + kept);
            assertTrue(ImageIO.read(kept.toFile()).getWidth() > 1000, "a readable image of the whole page");
            assertNull(second.error(), second.errorMessage());
            assertEquals(2, created[0], "the crashed engine was replaced by a fresh one");
            assertTrue(Files.exists(dir.resolve("fine.pdf")));
            assertTrue(
                    Files.notExists(dir.resolve("work").resolve("fine")), "a job that succeeded keeps no work folder");
            CaptureResult again = pipeline.process(crashing, dir, Pipeline.Context.none());
            assertNull(again.error(), "the fresh engine reads the page that crashed the first");
            assertTrue(Files.notExists(dir.resolve("work")), "its success removes the failed attempt's images");
        }
    }

    @Test
    void usageErrorsSayHowToCallIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CaptureCommand.run(
                new String[] {"process", "--out", dir.toString()},
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                null);
        assertEquals(64, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: capture process"));
    }

    private static JsonObject error(Path out, String stem) throws IOException {
        return json(out.resolve(stem + ".error.json"));
    }

    private static JsonObject json(Path file) throws IOException {
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }

    private static byte[] tiffBytes(Path file, int dpi) throws IOException {
        FormScans.tiff(file, List.of(FormScans.blank(1)), dpi);
        return Files.readAllBytes(file);
    }

    /** A valid PNG claiming {@code w × h} pixels whose data is a few bytes: a decompression bomb's header. */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {1, 0, 0, 0, 0}); // 1-bit greyscale
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] buf = new byte[2048];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
