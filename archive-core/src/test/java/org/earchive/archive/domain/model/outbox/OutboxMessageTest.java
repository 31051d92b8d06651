package org.earchive.archive.domain.model.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {
    static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void aFailedDeliveryWaitsLongerEachTimeUpToFiveMinutes() {
        OutboxMessage m = OutboxMessage.indexCase(7, "C2026120600000001");
        m.failed(T, "index away");
        assertEquals(T.plusSeconds(2), m.nextAt());
        m.failed(T, "index away");
        assertEquals(T.plusSeconds(4), m.nextAt());
        for (int i = 0; i < 20; i++) {
            m.failed(T, "x".repeat(2000));
        }
        assertEquals(T.plus(Duration.ofMinutes(5)), m.nextAt());
        assertEquals(22, m.attempts());
        assertEquals(1000, m.lastError().length(), "the error is kept, clipped to its column");
        m.delivered(T);
        assertNull(m.lastError());
    }

    @Test
    void anEventCarriesItsArchiveNumbers() {
        OutboxMessage m = OutboxMessage.event(
                OutboxMessage.Kind.RECORD_ARCHIVED, "C2026120600000001", "ENROLL", List.of("F001-2026-ZJ-Y-000001"));
        assertEquals(List.of("F001-2026-ZJ-Y-000001"), m.archiveNumbers());
        assertEquals(
                List.of(),
                OutboxMessage.event(OutboxMessage.Kind.CASE_SUBMITTED, "C1", "ENROLL", List.of())
                        .archiveNumbers());
        assertThrows(
                IllegalArgumentException.class,
                () -> OutboxMessage.event(OutboxMessage.Kind.INDEX_CASE, "C1", null, List.of()));
    }
}
