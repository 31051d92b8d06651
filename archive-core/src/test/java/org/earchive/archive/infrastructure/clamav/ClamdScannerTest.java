package org.earchive.archive.infrastructure.clamav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.earchive.archive.domain.service.VirusScanner;
import org.junit.jupiter.api.Test;

/**
 * Against the real ClamAV daemon that {@code ./earchive test} starts (its address in {@code EARCHIVE_TEST_CLAMD}, its
 * database one test signature); skipped where no daemon runs.
 */
class ClamdScannerTest {
    static String daemon() {
        String where = System.getenv("EARCHIVE_TEST_CLAMD");
        assumeTrue(where != null && !where.isBlank(), "no test clamd (./earchive test starts one)");
        return where;
    }

    @Test
    void cleanContentPassesAndTheTestSignatureIsFoundEvenDeepInALargeStream() throws Exception {
        ClamdScanner scanner = new ClamdScanner(daemon());
        byte[] clean = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(clean);
        assertEquals(
                VirusScanner.Outcome.CLEAN,
                scanner.scan(new ByteArrayInputStream(clean)).outcome());

        byte[] infected = clean.clone();
        byte[] marker = "EARCHIVE-VIRUS-TEST-MARKER".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, infected, 2 * 1024 * 1024 + 17, marker.length); // across 64 KiB chunks
        VirusScanner.Verdict verdict = scanner.scan(new ByteArrayInputStream(infected));
        assertEquals(VirusScanner.Outcome.INFECTED, verdict.outcome(), verdict.detail());
        assertTrue(verdict.detail().contains("EARCHIVE.Test.Marker"), verdict.detail());
    }

    @Test
    void aDaemonThatDoesNotAnswerIsUnavailableNeverClean() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        VirusScanner.Verdict verdict = new ClamdScanner("127.0.0.1:" + port).scan(InputStream.nullInputStream());
        assertEquals(VirusScanner.Outcome.UNAVAILABLE, verdict.outcome());
        assertTrue(verdict.detail().contains("did not answer"), verdict.detail());
    }
}
