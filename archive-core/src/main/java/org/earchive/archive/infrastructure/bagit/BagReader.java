package org.earchive.archive.infrastructure.bagit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.earchive.archive.application.port.TransferPackages;
import org.earchive.storage.digest.FixityDigest;

/**
 * Opens a received package (a BagIt bag zipped under one folder) and verifies it as RFC 8493 asks, without unpacking
 * it: {@code bagit.txt} present, every file of {@code manifest-sha256.txt} present with that digest, no payload or tag
 * file the manifests do not list, the tag manifest right, Payload-Oxum right. Every problem is named; reading stops
 * at {@code maxBytes} of content so a zip bomb cannot fill the disk or the heap.
 */
public final class BagReader implements TransferPackages.PackageReader {
    private final ZipFile zip;
    private final List<String> problems = new ArrayList<>();
    /** Every file of the bag by its path inside the bag; names only (the zip's own directory finds the entry). */
    private final Set<String> files = new LinkedHashSet<>();

    private final Map<String, FixityDigest.Result> payload = new LinkedHashMap<>();
    private final Map<String, String> bagInfo = new LinkedHashMap<>();
    private String root = "";
    private String tagManifestSha256;
    private long budget;

    private BagReader(ZipFile zip, long maxBytes) {
        this.zip = zip;
        this.budget = maxBytes;
    }

    /** Opens and verifies the package; {@link #problems()} says what is wrong with it (empty: a sound bag). */
    public static BagReader verify(Path file, long maxBytes) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new IOException("not a zip file: " + e.getMessage(), e);
        }
        BagReader bag = new BagReader(zip, maxBytes);
        try {
            bag.check();
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
        return bag;
    }

    private void check() throws IOException {
        if (!findRoot()) {
            return;
        }
        readDeclarations();
        Map<String, String> manifest = required("manifest-sha256.txt");
        Map<String, String> tagManifest = required("tagmanifest-sha256.txt");
        long octets = checkPayload(manifest);
        if (octets < 0 || !checkTagFiles(tagManifest)) {
            return;
        }
        for (String path : files) {
            boolean listed = path.startsWith("data/")
                    ? manifest.containsKey(path)
                    : tagManifest.containsKey(path) || path.equals("tagmanifest-sha256.txt");
            if (!listed) {
                problems.add("extra file: " + BagPaths.printable(path) + " is in the package but in no manifest");
            }
        }
        String oxum = bagInfo.get("Payload-Oxum");
        String actual = octets + "." + manifest.size();
        if (oxum != null && problems.isEmpty() && !oxum.equals(actual)) {
            problems.add("bag-info.txt says Payload-Oxum " + oxum + ", the payload is " + actual);
        }
        ZipEntry tm = entry("tagmanifest-sha256.txt");
        if (tm != null) {
            FixityDigest.Result r = digest(tm);
            tagManifestSha256 = r == null ? null : r.sha256Hex();
        }
    }

    /** Finds the one bag folder every entry lies in; the files are then named relative to it. */
    private boolean findRoot() {
        TreeSet<String> roots = new TreeSet<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            if (!BagPaths.safe(name) || !name.contains("/")) {
                problems.add("unsafe or top-level path in the zip: " + BagPaths.printable(name));
                continue;
            }
            roots.add(name.substring(0, name.indexOf('/')));
            if (!files.add(name)) {
                problems.add("the zip holds " + BagPaths.printable(name) + " twice");
            }
        }
        if (roots.size() != 1) {
            problems.add("a package holds exactly one bag folder; found " + roots);
            return false;
        }
        root = roots.first() + "/";
        List<String> inBag =
                files.stream().map(name -> name.substring(root.length())).toList();
        files.clear();
        files.addAll(inBag);
        return true;
    }

    /** bagit.txt and bag-info.txt. */
    private void readDeclarations() throws IOException {
        String declaration = text("bagit.txt");
        if (declaration == null) {
            problems.add("missing file: bagit.txt (not a BagIt bag)");
        } else if (!declaration.contains("BagIt-Version: ")
                || !declaration.contains("Tag-File-Character-Encoding: UTF-8")) {
            problems.add("bagit.txt does not declare BagIt-Version and UTF-8 tag files");
        }
        String info = text("bag-info.txt");
        if (info == null) {
            problems.add("missing file: bag-info.txt");
            return;
        }
        for (String line : info.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                bagInfo.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
    }

    private Map<String, String> required(String name) throws IOException {
        Map<String, String> manifest = manifest(name);
        if (manifest == null) {
            problems.add("missing file: " + name);
            return Map.of();
        }
        return manifest;
    }

    /** Digests every payload file against the manifest; the payload's octets, or -1 when reading had to stop. */
    private long checkPayload(Map<String, String> manifest) throws IOException {
        long octets = 0;
        for (Map.Entry<String, String> m : manifest.entrySet()) {
            String path = m.getKey();
            if (!path.startsWith("data/")) {
                problems.add(
                        "manifest-sha256.txt lists " + BagPaths.printable(path) + ", which is not payload (data/…)");
                continue;
            }
            ZipEntry e = entry(path);
            if (e == null) {
                problems.add(
                        "missing file: " + BagPaths.printable(path) + " is in the manifest but not in the package");
                continue;
            }
            FixityDigest.Result r = digest(e);
            if (r == null) {
                return -1;
            }
            octets += r.length();
            if (!r.sha256Hex().equalsIgnoreCase(m.getValue())) {
                problems.add("changed file: " + BagPaths.printable(path) + " has SHA-256 " + r.sha256Hex()
                        + ", the manifest says " + m.getValue().toLowerCase());
            } else {
                payload.put(path.substring("data/".length()), r);
            }
        }
        return octets;
    }

    /** Digests every tag file against the tag manifest; false when reading had to stop. */
    private boolean checkTagFiles(Map<String, String> tagManifest) throws IOException {
        for (Map.Entry<String, String> m : tagManifest.entrySet()) {
            ZipEntry e = entry(m.getKey());
            if (e == null) {
                problems.add("missing file: " + BagPaths.printable(m.getKey())
                        + " is in the tag manifest but not in the package");
                continue;
            }
            FixityDigest.Result r = digest(e);
            if (r == null) {
                return false;
            }
            if (!r.sha256Hex().equalsIgnoreCase(m.getValue())) {
                problems.add("changed file: " + BagPaths.printable(m.getKey()) + " does not match the tag manifest");
            }
        }
        return true;
    }

    /** A manifest read line by line (a package of 100,000 files has a manifest of ~12 MB). */
    private Map<String, String> manifest(String name) throws IOException {
        ZipEntry entry = entry(name);
        if (entry == null) {
            return null;
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            return BagPaths.manifest(reader, name, problems);
        }
    }

    /** A small tag file as text; null when absent. Tag files are limited to 64 MiB (a manifest of ~500,000 files). */
    private String text(String name) throws IOException {
        ZipEntry e = entry(name);
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(64 * 1024 * 1024 + 1);
            if (bytes.length > 64 * 1024 * 1024) {
                problems.add(name + " is larger than 64 MiB");
                return "";
            }
            return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    private FixityDigest.Result digest(ZipEntry e) throws IOException {
        FixityDigest d = new FixityDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(e)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                budget -= n;
                if (budget < 0) {
                    problems.add("the package unpacks to more than the allowed size; it was not read further");
                    return null;
                }
                d.update(buffer, 0, n);
            }
        } catch (ZipException ex) {
            problems.add("damaged zip entry " + BagPaths.printable(e.getName()) + ": " + ex.getMessage());
            return new FixityDigest().finish();
        }
        return d.finish();
    }

    /** Every problem found, in words; empty when the bag is complete and every digest matches. */
    @Override
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    @Override
    public String bagName() {
        return root.isEmpty() ? "" : root.substring(0, root.length() - 1);
    }

    @Override
    public Map<String, String> bagInfo() {
        return Collections.unmodifiableMap(bagInfo);
    }

    /** Verified payload files (paths below {@code data/}) with their digests. */
    @Override
    public Map<String, FixityDigest.Result> payload() {
        return Collections.unmodifiableMap(new HashMap<>(payload));
    }

    @Override
    public List<String> payloadPaths() {
        return List.copyOf(payload.keySet());
    }

    @Override
    public String tagManifestSha256() {
        return tagManifestSha256;
    }

    private ZipEntry entry(String pathInBag) {
        return files.contains(pathInBag) ? zip.getEntry(root + pathInBag) : null;
    }

    /** Reads a payload file ({@code path} below {@code data/}). */
    @Override
    public InputStream open(String path) throws IOException {
        ZipEntry e = entry("data/" + path);
        if (e == null) {
            throw new IOException("no payload file " + path);
        }
        return zip.getInputStream(e);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
