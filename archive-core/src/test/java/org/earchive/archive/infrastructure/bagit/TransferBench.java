package org.earchive.archive.infrastructure.bagit;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.storage.digest.FixityDigest;

/**
 * {@code ./earchive bench transfer [records] [KB]}: a transfer package of N records (a file and its XML description
 * each) written and verified the way the server's export and import do — BagWriter streaming into one zip with every
 * description validated against the schema, BagReader verifying the zip without unpacking it — against the Library of
 * Congress's bagit-java making (bagInPlace, SHA-256) and validating (isValid) a bag of the same files on disk. Prints
 * time, throughput and peak heap of each phase; run with a small heap ({@code -Xmx128m}) to show memory is bounded.
 */
public final class TransferBench {
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int kb = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path work = Files.createTempDirectory("transfer-bench");
        try {
            System.out.printf(
                    "transfer bench: %d records of %d KB (+ an XML description each), max heap %d MB, %s%n",
                    records, kb, Runtime.getRuntime().maxMemory() >> 20, work);
            Path source = work.resolve("objects");
            Files.createDirectories(source);
            Random random = new Random(7);
            byte[] buffer = new byte[kb * 1024];
            for (int i = 0; i < records; i++) {
                random.nextBytes(buffer);
                System.arraycopy("%PDF-1.7\n".getBytes(), 0, buffer, 0, 9);
                Files.write(source.resolve(String.format("%06d.pdf", i)), buffer);
            }
            long payload = (long) records * kb * 1024;

            // ours: the export's streaming writer, every description validated; then the import's verification of the
            // zip
            Path zip = work.resolve("package.zip");
            resetPeak();
            long t0 = System.nanoTime();
            long describing = 0;
            try (OutputStream out = Files.newOutputStream(zip);
                    BagWriter bag = new BagWriter(out, "F001-bench")) {
                for (int i = 0; i < records; i++) {
                    String number = String.format("F001-2026-ZJ-Y-%06d", i + 1);
                    FixityDigest.Result d;
                    try (InputStream in = Files.newInputStream(source.resolve(String.format("%06d.pdf", i)))) {
                        d = bag.addPayload("records/" + number + "/content.pdf", in);
                    }
                    long x0 = System.nanoTime();
                    byte[] xml = RecordXml.write(description(number, d));
                    if (!RecordXml.validate(xml).isEmpty()) {
                        throw new IllegalStateException("invalid description " + number);
                    }
                    describing += System.nanoTime() - x0;
                    bag.addPayload("records/" + number + "/record.xml", xml);
                }
                bag.finish(Map.of("Source-Organization", "F001"));
            }
            report("earchive export (BagWriter + XSD, zip)", t0, records, payload, Files.size(zip));
            System.out.printf(
                    "    of which writing and validating the %d XML descriptions: %.1f s%n", records, describing / 1e9);
            resetPeak();
            t0 = System.nanoTime();
            try (BagReader reader = BagReader.verify(zip, Long.MAX_VALUE)) {
                if (!reader.problems().isEmpty() || reader.payloadPaths().size() != 2 * records) {
                    throw new IllegalStateException("verification failed: " + reader.problems());
                }
            }
            report("earchive import verification (BagReader, zip)", t0, records, payload, Files.size(zip));

            // peer: bagit-java on a folder of the same files
            Path folder = work.resolve("peer");
            Files.move(source, folder);
            resetPeak();
            t0 = System.nanoTime();
            Bag bag = BagCreator.bagInPlace(folder, List.of(StandardSupportedAlgorithms.SHA256), false);
            report("bagit-java 5.2.0 bagInPlace (SHA-256, folder)", t0, records, payload, payload);
            resetPeak();
            t0 = System.nanoTime();
            try (BagVerifier verifier = new BagVerifier()) {
                verifier.isValid(new gov.loc.repository.bagit.reader.BagReader().read(folder), false);
            }
            report("bagit-java 5.2.0 isValid (folder)", t0, records, payload, payload);
            if (bag.getPayLoadManifests().isEmpty()) {
                throw new IllegalStateException("the peer wrote no manifest");
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static RecordDescription description(String number, FixityDigest.Result d) {
        return new RecordDescription(
                number,
                "F001",
                2026,
                "ZJ",
                "PERMANENT",
                null,
                "application_form.pdf",
                "ENROLL",
                "APPLICATION_FORM",
                "ARCHIVAL",
                "C20261130" + number.substring(number.length() - 7),
                "11010519491231002X",
                "王芳",
                Instant.parse("2026-11-30T08:00:00Z"),
                Instant.parse("2026-11-30T09:00:00Z"),
                "reviewer",
                false,
                false,
                new RecordDescription.FileRef("content.pdf", "application/pdf", d.length(), d.sha256Hex(), d.sm3Hex()),
                new RecordDescription.Check(
                        "ARCHIVING",
                        Instant.parse("2026-11-30T09:00:00Z"),
                        true,
                        List.of(
                                new RecordDescription.CheckItem(
                                        "AUTHENTICITY", number, "digests", true, "SHA-256 and SM3 recomputed"),
                                new RecordDescription.CheckItem(
                                        "USABILITY", number, "pdfa", true, "PDF/A-2B (veraPDF)"))),
                new RecordDescription.Provenance("F001", null, null),
                List.of(
                        new RecordDescription.Event(
                                1,
                                Instant.parse("2026-11-30T08:00:00Z"),
                                "clerk",
                                "CASE_OPENED",
                                "0".repeat(64),
                                "opened"),
                        new RecordDescription.Event(
                                2,
                                Instant.parse("2026-11-30T08:30:00Z"),
                                "reviewer",
                                "CASE_DECIDED",
                                "1".repeat(64),
                                "APPROVE")));
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static void report(String what, long t0, int records, long payload, long bytes) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "  %-48s %7.1f s  %8.0f records/s  %6.1f MB/s payload  peak heap %4d MB  (%d MB on disk)%n",
                what, s, records / s, payload / 1e6 / s, peakHeapMb(), bytes >> 20);
    }

    private TransferBench() {}
}
