package org.earchive.archive.domain.model.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void countsFromTheFirstOfJanuaryOfTheNextYear() {
        // formed 2026-11-30, 10 years from 2027-01-01 → kept through 2036-12-31
        assertEquals(
                LocalDate.of(2036, 12, 31),
                Retention.Y10.retainUntil(LocalDate.of(2026, 11, 30)).orElseThrow());
        assertEquals(
                LocalDate.of(2126, 12, 31),
                Retention.Y100.retainUntil(LocalDate.of(2026, 1, 1)).orElseThrow());
        assertTrue(Retention.PERMANENT.retainUntil(LocalDate.of(2026, 1, 1)).isEmpty());
    }
}
