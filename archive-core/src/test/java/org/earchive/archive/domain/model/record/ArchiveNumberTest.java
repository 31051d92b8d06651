package org.earchive.archive.domain.model.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.earchive.archive.domain.model.catalogue.Retention;
import org.junit.jupiter.api.Test;

class ArchiveNumberTest {
    @Test
    void readsFondsYearCategoryRetentionAndItem() {
        ArchiveNumber n = new ArchiveNumber("F001", 2026, "ZJ", Retention.PERMANENT.archiveCode(), 42);
        assertEquals("F001-2026-ZJ-Y-000042", n.toString());
        assertEquals("F001-2026-ZJ-Y", n.series());
        assertEquals(n.series(), ArchiveNumber.seriesKey("F001", 2026, "ZJ", Retention.PERMANENT));
        assertEquals("F001-2026-DY-D50", ArchiveNumber.seriesKey("F001", 2026, "DY", Retention.Y50));
    }

    @Test
    void recognisesWellFormedNumbersOnly() {
        assertTrue(ArchiveNumber.wellFormed("F001-2026-ZJ-Y-000042"));
        assertTrue(ArchiveNumber.wellFormed("F001-2026-DY-D100-1234567"));
        assertFalse(ArchiveNumber.wellFormed("F001-2026-ZJ-D20-000042"), "20 years is not a retention period");
        assertFalse(ArchiveNumber.wellFormed("F001-26-ZJ-Y-000042"));
        assertFalse(ArchiveNumber.wellFormed(null));
    }
}
