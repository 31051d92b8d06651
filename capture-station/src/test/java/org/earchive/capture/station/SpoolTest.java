package org.earchive.capture.station;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    @Test
    void listingBatchesLeavesAFileBeingWrittenAloneAndARestartClearsWhatACrashLeft() throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        SpoolBatch batch = spool.open("C202611300000001", "ID_CARD", "clerk");
        batch.accept("a.tif", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        batch.close();
        Files.createDirectories(batch.output());
        Path writing = batch.output().resolve(".0001-a-1.pdf.part");
        Files.writeString(writing, "the pipeline is writing this");

        spool.batches(); // the agent lists while the station processes
        assertTrue(Files.exists(writing), "a listing must not take the file being written away");

        new Spool(dir.resolve("spool")); // the station starts again after a crash
        assertFalse(Files.exists(writing), "a restart removes what an interrupted write left");
    }
}
