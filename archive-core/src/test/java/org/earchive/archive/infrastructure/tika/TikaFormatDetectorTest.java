package org.earchive.archive.infrastructure.tika;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

/** The fast path and Tika agree on the accepted formats, and Tika names what is refused. */
class TikaFormatDetectorTest {
    private final TikaFormatDetector detector = new TikaFormatDetector();
    private final Tika tika = new Tika();

    private String detect(byte[] b) {
        return detector.detect(b, b.length);
    }

    @Test
    void acceptedFormatsByTheirSignaturesAsTikaNamesThem() throws Exception {
        byte[][] samples = {
            "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
            {'I', 'I', 42, 0, 8, 0, 0, 0},
            {'M', 'M', 0, 42, 0, 0, 0, 8},
        };
        for (byte[] sample : samples) {
            assertEquals(tika.detect(sample), detect(sample));
        }
    }

    @Test
    void anythingElseIsNamedByTika() {
        assertEquals("text/html", detect("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                "image/svg+xml",
                detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
        String exe = detect("MZ\u0090\u0000\u0003\u0000\u0000\u0000 This program cannot be run in DOS mode"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(true, exe.contains("msdownload") || exe.contains("dosexec"), exe);
    }
}
