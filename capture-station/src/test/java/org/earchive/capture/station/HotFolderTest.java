package org.earchive.capture.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot folder's file is the spool's once the folder no longer holds it: a crash while taking it leaves a batch still
 * capturing, which the restarted station settles — the file still in the folder: the batch goes and the file is taken
 * again (one batch, not two); the file gone: the batch is queued (the page not lost).
 */
class HotFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFileTakenOnceAndTheBatchesACrashLeftAreSettled() throws Exception {
        Path hot = Files.createDirectories(dir.resolve("hot"));
        Spool spool = new Spool(dir.resolve("spool"));
        HotFolder folder = new HotFolder(hot, spool, "C202612070000001", "ID_CARD", "clerk");
        byte[] page = "a scanned page".getBytes();

        // stopped after the page was copied into the spool, before the folder let it go
        Files.write(hot.resolve("scan-1.tif"), page);
        SpoolBatch interrupted = spool.open("C202612070000001", "ID_CARD", "clerk", "scan-1.tif:" + page.length);
        interrupted.accept("scan-1.tif", new ByteArrayInputStream(page));
        // stopped after the folder let its file go, before the batch was queued
        SpoolBatch orphaned = spool.open("C202612070000001", "ID_CARD", "clerk", "scan-2.tif:" + page.length);
        orphaned.accept("scan-2.tif", new ByteArrayInputStream(page));
        // a scan in progress at the counter (not from the folder) is left as it is
        SpoolBatch scanning = spool.open("C202612070000001", "ID_CARD", "clerk");

        assertEquals(2, new HotFolder(hot, spool, "C202612070000001", "ID_CARD", "clerk").recover());
        assertFalse(Files.exists(interrupted.dir()), "the folder still holds scan-1: its batch goes");
        assertEquals(Spool.State.QUEUED, orphaned.state(), "scan-2 is only in the spool now: queued, not lost");
        assertEquals(Spool.State.CAPTURING, scanning.state());

        assertEquals(0, folder.poll(), "a file is taken once it stops changing");
        assertEquals(1, folder.poll());
        assertFalse(Files.exists(hot.resolve("scan-1.tif")));
        List<SpoolBatch> queued = spool.batches().stream()
                .filter(b -> b.state() == Spool.State.QUEUED)
                .toList();
        assertEquals(2, queued.size(), "scan-1 once and scan-2 once: " + queued);
        for (SpoolBatch b : queued) {
            assertEquals(1, b.originalFiles().size());
            assertTrue(b.source().startsWith("scan-"));
        }
    }
}
