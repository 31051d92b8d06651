package org.earchive.archive.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.junit.jupiter.api.Test;

class FourPropertyCheckTest {
    @Test
    void theFormatIsTakenFromTheContentNotFromTheName() {
        assertEquals("application/pdf", ContentRules.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/tiff", ContentRules.sniff(new byte[] {'I', 'I', 42, 0, 8, 0}));
        assertEquals("image/tiff", ContentRules.sniff(new byte[] {'M', 'M', 0, 42, 0, 0}));
        assertEquals("image/jpeg", ContentRules.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals("image/jp2", ContentRules.sniff(new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10}));
        assertEquals("image/png", ContentRules.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
        assertEquals("application/octet-stream", ContentRules.sniff("PK\3\4".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/octet-stream", ContentRules.sniff(new byte[0]));
    }

    @Test
    void theSummaryNamesEveryFailedItemByPropertyAndNoPassedOne() {
        String summary = CheckReports.summary(List.of(
                new Item("USABILITY", "doc:7 form.pdf", "pdfa", false, "not PDF/A"),
                new Item("AUTHENTICITY", "doc:7 form.pdf", "digests", true, "equal"),
                new Item("SECURITY", "doc:8 id.jpg", "virus-scan", false, "virus found: X")));
        assertTrue(summary.contains("USABILITY — doc:7 form.pdf pdfa: not PDF/A"), summary);
        assertTrue(summary.contains("SECURITY — doc:8 id.jpg virus-scan: virus found: X"), summary);
        assertFalse(summary.contains("digests"), summary);
    }
}
