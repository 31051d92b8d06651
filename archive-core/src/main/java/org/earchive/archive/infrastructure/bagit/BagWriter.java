package org.earchive.archive.infrastructure.bagit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.earchive.archive.application.port.TransferPackages;
import org.earchive.archive.application.port.TransferPackages.Summary;
import org.earchive.storage.digest.FixityDigest;

/**
 * Writes a BagIt 1.0 bag (RFC 8493) as a zip holding one top-level folder, streaming: each payload file is copied
 * once, its SHA-256 (and SM3) computed on the way; the tag files are written at the end. Memory holds one manifest
 * line per file, never a file.
 */
public final class BagWriter implements TransferPackages.PackageWriter {
    private final ZipOutputStream zip;
    private final String root;
    private final StringBuilder manifest = new StringBuilder();
    private final Map<String, String> tagDigests = new LinkedHashMap<>();
    private long octets;
    private long files;
    private boolean finished;

    public BagWriter(OutputStream out, String bagName) {
        if (!bagName.matches("[A-Za-z0-9._-]{1,80}")) {
            throw new IllegalArgumentException("bag name " + bagName);
        }
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.root = bagName + "/";
    }

    /** Copies one payload file to {@code data/<path>}; returns its digests. */
    @Override
    public FixityDigest.Result addPayload(String path, InputStream content) throws IOException {
        BagPaths.requireSafe(path);
        // scans (PDF/A with CCITT G4 or JPEG pages, TIFF, JPEG) do not shrink: store them; deflate the descriptions
        zip.setLevel(
                path.endsWith(".xml") || path.endsWith(".txt")
                        ? Deflater.DEFAULT_COMPRESSION
                        : Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(root + "data/" + path));
        FixityDigest digest = new FixityDigest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            zip.write(buffer, 0, n);
        }
        zip.closeEntry();
        FixityDigest.Result r = digest.finish();
        manifest.append(r.sha256Hex()).append("  data/").append(path).append('\n');
        octets += r.length();
        files++;
        return r;
    }

    @Override
    public FixityDigest.Result addPayload(String path, byte[] content) throws IOException {
        return addPayload(path, new ByteArrayInputStream(content));
    }

    /**
     * Writes the tag files: {@code bagit.txt}, {@code bag-info.txt} (the given fields, then Payload-Oxum and
     * Bagging-Date), {@code manifest-sha256.txt} and {@code tagmanifest-sha256.txt} over the other three.
     *
     * @return the SHA-256 of the tag manifest, which names the whole package
     */
    @Override
    public Summary finish(Map<String, String> bagInfo) throws IOException {
        tag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        StringBuilder info = new StringBuilder();
        bagInfo.forEach((k, v) ->
                info.append(k).append(": ").append(v.replace('\n', ' ')).append('\n'));
        String oxum = octets + "." + files;
        info.append("Payload-Oxum: ").append(oxum).append('\n');
        info.append("Bagging-Date: ").append(LocalDate.now()).append('\n');
        tag("bag-info.txt", info.toString());
        tag("manifest-sha256.txt", manifest.toString());
        StringBuilder tagManifest = new StringBuilder();
        tagDigests.forEach(
                (name, sha) -> tagManifest.append(sha).append("  ").append(name).append('\n'));
        byte[] bytes = tagManifest.toString().getBytes(StandardCharsets.UTF_8);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(root + "tagmanifest-sha256.txt"));
        zip.write(bytes);
        zip.closeEntry();
        zip.finish();
        finished = true;
        return new Summary(oxum, FixityDigest.of(bytes).sha256Hex(), files);
    }

    private void tag(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(root + name));
        zip.write(bytes);
        zip.closeEntry();
        tagDigests.put(name, FixityDigest.of(bytes).sha256Hex());
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            zip.flush();
        } else {
            zip.close();
        }
    }

    /** What was written: Payload-Oxum, the tag manifest's SHA-256 and the number of payload files. */
}
