package org.earchive.archive.domain.model.borrowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BorrowingTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void anApprovedBorrowingOpensTheRecordForItsDaysThenExpires() {
        Borrowing b = new Borrowing("F001-2026-DJ-Y-000001", "reviewer", "复核待遇", 3, NOW);
        assertFalse(b.activeAt(NOW), "not before the approval");
        b.decide(true, "archivist", "同意", NOW.plus(Duration.ofHours(1)));
        assertTrue(b.activeAt(NOW.plus(Duration.ofDays(2))));
        assertFalse(b.activeAt(NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(1))), "expired");
        assertEquals(NOW.plus(Duration.ofHours(1)).plus(Duration.ofDays(3)), b.expiresAt());
        assertThrows(IllegalStateException.class, () -> b.decide(false, "archivist", "again", NOW), "decided once");
    }

    @Test
    void aRejectedBorrowingNeverOpensAndARequestNeedsAPurposeAndBoundedDays() {
        Borrowing b = new Borrowing("F001-2026-DJ-Y-000001", "reviewer", "查阅", 1, NOW);
        b.decide(false, "archivist", "无正当理由", NOW);
        assertFalse(b.activeAt(NOW.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Borrowing("n", "u", " ", 1, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Borrowing("n", "u", "p", 0, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Borrowing("n", "u", "p", Borrowing.MAX_DAYS + 1, NOW));
    }
}
