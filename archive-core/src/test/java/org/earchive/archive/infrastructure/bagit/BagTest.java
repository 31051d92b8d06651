package org.earchive.archive.infrastructure.bagit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.storage.digest.FixityDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BagTest {
    @TempDir
    Path dir;

    static RecordDescription description(String number, byte[] content) {
        FixityDigest.Result d = FixityDigest.of(content);
        return new RecordDescription(
                number,
                "F001",
                2026,
                "DY",
                "Y100",
                LocalDate.of(2127, 1, 1),
                "death certificate.pdf",
                "LUMP_SUM",
                "DEATH_CERTIFICATE",
                "ARCHIVAL",
                "C2026113000001",
                "11010519491231002X",
                "张三",
                Instant.parse("2026-11-30T08:00:00Z"),
                Instant.parse("2026-11-30T09:00:00Z"),
                "archivist",
                false,
                false,
                new RecordDescription.FileRef(
                        "content.pdf", "application/pdf", content.length, d.sha256Hex(), d.sm3Hex()),
                new RecordDescription.Check(
                        "ARCHIVING",
                        Instant.parse("2026-11-30T09:00:00Z"),
                        true,
                        List.of(new RecordDescription.CheckItem("AUTHENTICITY", number, "digests", true, "equal"))),
                new RecordDescription.Provenance("F001", null, null),
                List.of(new RecordDescription.Event(
                        7, Instant.parse("2026-11-30T08:00:00Z"), "clerk1", "CASE_OPENED", "a".repeat(64), "opened")));
    }

    private Path bag() throws IOException {
        Path file = dir.resolve("bag.zip");
        try (OutputStream out = Files.newOutputStream(file);
                BagWriter bag = new BagWriter(out, "F001-test")) {
            for (String n : List.of("F001-2026-DY-D100-000001", "F001-2026-DY-D100-000002")) {
                byte[] content = ("%PDF-1.7 content of " + n).getBytes(StandardCharsets.US_ASCII);
                bag.addPayload("records/" + n + "/content.pdf", content);
                bag.addPayload("records/" + n + "/record.xml", RecordXml.write(description(n, content)));
            }
            bag.finish(Map.of("Source-Organization", "F001"));
        }
        return file;
    }

    @Test
    void aWrittenBagVerifiesAndItsDescriptionsAreValidAndReadBack() throws IOException {
        Path file = bag();
        try (BagReader reader = BagReader.verify(file, Long.MAX_VALUE)) {
            assertEquals(List.of(), reader.problems());
            assertEquals(4, reader.payloadPaths().size());
            assertEquals("F001", reader.bagInfo().get("Source-Organization"));
            assertTrue(reader.bagInfo().get("Payload-Oxum").endsWith(".4"));
            byte[] xml;
            try (InputStream in = reader.open("records/F001-2026-DY-D100-000001/record.xml")) {
                xml = in.readAllBytes();
            }
            assertEquals(List.of(), RecordXml.validate(xml));
            RecordDescription d = RecordXml.read(xml);
            assertEquals("F001-2026-DY-D100-000001", d.archiveNumber());
            assertEquals("11010519491231002X", d.citizenId());
            assertEquals("张三", d.applicantName());
            assertEquals(1, d.audit().size());
            assertEquals(
                    reader.payload()
                            .get("records/F001-2026-DY-D100-000001/content.pdf")
                            .sm3Hex(),
                    d.file().sm3());
        }
    }

    /** Rewrites the zip, entry by entry, through {@code change} (null drops an entry); {@code extra} adds one. */
    private Path tampered(Path source, BiFunction<String, byte[], byte[]> change, String extra) throws IOException {
        Path file = dir.resolve("tampered-" + System.nanoTime() + ".zip");
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                byte[] changed = change.apply(e.getName(), bytes);
                if (changed != null) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(changed);
                    out.closeEntry();
                }
            }
            if (extra != null) {
                out.putNextEntry(new ZipEntry(extra));
                out.write("not listed".getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        return file;
    }

    private static List<String> problems(Path file) throws IOException {
        try (BagReader reader = BagReader.verify(file, Long.MAX_VALUE)) {
            return new ArrayList<>(reader.problems());
        }
    }

    @Test
    void oneChangedByteIsNamed() throws IOException {
        Path file = tampered(
                bag(),
                (name, bytes) -> {
                    if (name.endsWith("000002/content.pdf")) {
                        bytes[bytes.length - 1] ^= 1;
                    }
                    return bytes;
                },
                null);
        List<String> problems = problems(file);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("changed file: data/records/F001-2026-DY-D100-000002/content.pdf"),
                problems.get(0));
    }

    @Test
    void aMissingAndAnExtraFileAreNamed() throws IOException {
        Path file = tampered(
                bag(),
                (name, bytes) -> name.endsWith("000001/content.pdf") ? null : bytes,
                "F001-test/data/records/F001-2026-DY-D100-000001/virus.exe");
        List<String> problems = problems(file);
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.startsWith("missing file: data/records/F001-2026-DY-D100-000001/content.pdf")),
                problems.toString());
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.startsWith("extra file: data/records/F001-2026-DY-D100-000001/virus.exe")),
                problems.toString());
    }

    @Test
    void aChangedTagFileAndAPathOutsideTheBagAreNamed() throws IOException {
        Path file = tampered(
                bag(),
                (name, bytes) -> name.endsWith("bag-info.txt")
                        ? "Source-Organization: F999\n".getBytes(StandardCharsets.US_ASCII)
                        : bytes,
                null);
        assertTrue(
                problems(file).stream().anyMatch(p -> p.startsWith("changed file: bag-info.txt")),
                problems(file).toString());
        Path outside = tampered(bag(), (name, bytes) -> bytes, "../evil.txt");
        assertTrue(
                problems(outside).stream().anyMatch(p -> p.startsWith("unsafe or top-level path")),
                problems(outside).toString());
    }

    @Test
    void anInvalidDescriptionIsRefusedByTheSchemaWithItsLine() {
        byte[] content = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        String xml = new String(
                        RecordXml.write(description("F001-2026-DY-D100-000001", content)), StandardCharsets.UTF_8)
                .replace("<retention>Y100</retention>", "<retention>FOREVER</retention>");
        List<String> problems = RecordXml.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(
                !problems.isEmpty()
                        && problems.stream().allMatch(p -> p.startsWith("line 2:") && p.contains("FOREVER")),
                problems.toString());
        assertTrue(
                RecordXml.validate("<record".getBytes(StandardCharsets.UTF_8)).size() > 0);
        ByteArrayOutputStream doctype = new ByteArrayOutputStream();
        doctype.writeBytes(
                ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><record>&x;</record>")
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(RecordXml.validate(doctype.toByteArray()).size() > 0);
    }
}
