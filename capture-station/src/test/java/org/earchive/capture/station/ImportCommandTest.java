package org.earchive.capture.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earchive.capture.interfaces.cli.CaptureCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capture import}: files into one queued batch of the spool, in the order given, bytes unchanged. */
class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void filesLandInOneQueuedBatchInOrder() throws Exception {
        Path a = Files.write(dir.resolve("身份证正面.jpg"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("身份证反面.jpg"), new byte[] {4, 5});
        System.setProperty("earchive.station.home", dir.resolve("station").toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = CaptureCommand.runStation(
                    new String[] {
                        "import", "--case", "C202611300000003", "--material", "ID_CARD", a.toString(), b.toString()
                    },
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            assertEquals(0, status);
            List<SpoolBatch> batches = new Spool(dir.resolve("station/spool")).batches();
            assertEquals(1, batches.size());
            SpoolBatch batch = batches.get(0);
            assertEquals(Spool.State.QUEUED, batch.state());
            assertEquals("C202611300000003", batch.caseNumber());
            List<Path> files = batch.originalFiles();
            assertTrue(files.get(0).getFileName().toString().endsWith("身份证正面.jpg"), files.toString());
            assertTrue(files.get(1).getFileName().toString().endsWith("身份证反面.jpg"));
            assertEquals(2, Files.readAllBytes(files.get(1)).length);

            int missing = CaptureCommand.runStation(
                    new String[] {
                        "import",
                        "--case",
                        "C1",
                        "--material",
                        "M",
                        dir.resolve("nope.pdf").toString()
                    },
                    System.out,
                    new PrintStream(new ByteArrayOutputStream()));
            assertEquals(64, missing);
        } finally {
            System.clearProperty("earchive.station.home");
        }
    }
}
