package org.earchive.storage.bench;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Random;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.earchive.storage.digest.FixityDigest;

/**
 * {@code ./earchive bench digests}: CPU cost of the two fixity digests on one 200 KiB page (SHA-256 from the JDK,
 * SM3 from BouncyCastle), each alone, as the port computes them. Explains the storage benchmark's overhead.
 */
public final class DigestBench {
    public static void main(String[] args) throws Exception {
        byte[] page = new byte[StorageBench.SIZE];
        new Random(1).nextBytes(page);
        int n = 500;
        System.out.printf(
                "digest cost per 200 KiB page, %d pages per round, date %s, %d cores, java %s%n",
                n, LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                MessageDigest.getInstance("SHA-256").digest(page);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SM3Digest sm3 = new SM3Digest();
                sm3.update(page, 0, page.length);
                sm3.doFinal(new byte[32], 0);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                FixityDigest.of(page);
            }
            long t3 = System.nanoTime();
            System.out.printf(
                    "round %d: SHA-256 %.2f ms/page, SM3 %.2f ms/page, both (FixityDigest) %.2f ms/page%n",
                    round, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n, (t3 - t2) / 1e6 / n);
        }
    }
}
