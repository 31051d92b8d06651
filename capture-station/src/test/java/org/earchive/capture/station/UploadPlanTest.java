package org.earchive.capture.station;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadPlanTest {
    @TempDir
    Path batch;

    @Test
    void aPlanComesBackAsWrittenWhateverItsNamesHold() throws Exception {
        UploadPlan plan = new UploadPlan(List.of(
                new UploadPlan.Upload(DocumentRole.ARCHIVAL, "C2026\"1\t", "ID_CARD", "扫描 1.pdf", "application/pdf"),
                new UploadPlan.Upload(
                        DocumentRole.ORIGINAL, "C2026\"1\t", "ID_CARD", "../originals/a\tb.tif", "image/tiff")));
        plan.write(batch);
        assertEquals(plan, UploadPlan.read(batch));
    }

    @Test
    void aBatchSpooledByAnEarlierVersionIsStillUploaded() throws Exception {
        Files.writeString(
                batch.resolve(UploadPlan.LEGACY_FILE),
                "ARCHIVAL\tC1\tID_CARD\tscan.pdf\tapplication/pdf\nORIGINAL\tC1\tID_CARD\t../originals/scan.tif\timage/tiff\n");
        UploadPlan plan = UploadPlan.read(batch);
        assertEquals(2, plan.uploads().size());
        assertEquals(DocumentRole.ORIGINAL, plan.uploads().get(1).role());
        assertEquals("../originals/scan.tif", plan.uploads().get(1).file());
    }
}
