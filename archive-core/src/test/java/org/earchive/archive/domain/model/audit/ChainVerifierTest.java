package org.earchive.archive.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain check without a database: the same rules the server applies to audit_event rows. */
class ChainVerifierTest {
    private final List<AuditEvent> rows = new ArrayList<>();
    private AuditHead head;

    @BeforeEach
    void chainOfTen() throws Exception {
        head = newHead();
        for (int i = 0; i < 10; i++) {
            AuditEvent e = new AuditEvent(
                    head.lastSeq(),
                    head.lastHash(),
                    Instant.parse("2026-11-30T08:00:00Z").plusSeconds(i),
                    "clerk",
                    AuditAction.CASE_OPENED,
                    "C2026113000000" + i,
                    "ENROLL for 110105********002X");
            rows.add(e);
            head.advanceTo(e);
        }
    }

    private static AuditHead newHead() throws Exception {
        var c = AuditHead.class.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private ChainVerifier.Result verify(int pageSize) {
        return ChainVerifier.verify(
                head,
                (after, limit) ->
                        rows.stream().filter(e -> e.seq() > after).limit(limit).toList(),
                pageSize);
    }

    private static void set(AuditEvent e, String field, Object value) throws Exception {
        Field f = AuditEvent.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(e, value);
    }

    @Test
    void anUntouchedChainIsWholeAcrossPages() {
        ChainVerifier.Result r = verify(3);
        assertTrue(r.valid());
        assertEquals(10, r.checked());
    }

    @Test
    void aChangedRowIsTheFirstBrokenLink() throws Exception {
        set(rows.get(4), "detail", "ENROLL for someone else");
        ChainVerifier.Result r = verify(4);
        assertFalse(r.valid());
        assertEquals(5L, r.brokenAt().orElseThrow());
        assertTrue(r.reason().orElseThrow().contains("changed"));
    }

    @Test
    void aRowChangedWithItsHashRecomputedStillBreaksTheNextLink() throws Exception {
        AuditEvent e = rows.get(4);
        set(e, "detail", "forged");
        set(e, "hash", e.computeHash());
        ChainVerifier.Result r = verify(100);
        assertFalse(r.valid());
        assertEquals(6L, r.brokenAt().orElseThrow(), "the next event no longer follows it");
    }

    @Test
    void aDeletedRowIsAGap() {
        rows.remove(6);
        ChainVerifier.Result r = verify(100);
        assertFalse(r.valid());
        assertEquals(7L, r.brokenAt().orElseThrow());
        assertTrue(r.reason().orElseThrow().contains("missing"));
    }

    @Test
    void rowsCutOffTheEndDisagreeWithTheHead() {
        rows.remove(9);
        rows.remove(8);
        ChainVerifier.Result r = verify(100);
        assertFalse(r.valid());
        assertTrue(
                r.reason().orElseThrow().contains("10 were written"), r.reason().orElseThrow());
    }
}
