package org.earchive.archive.application.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.storage.digest.FixityDigest;

/**
 * Transfer packages as the national rules describe them (a zipped BagIt bag of records, each with an XML description
 * valid against {@code earchive-record-1.0.xsd}); the format lives behind this port.
 */
public interface TransferPackages {
    /** Starts a package streamed to {@code out}, named {@code packageId}. */
    PackageWriter write(OutputStream out, String packageId);

    /** Opens a received package and verifies its completeness and digests; reading stops at {@code maxBytes}. */
    PackageReader read(Path file, long maxBytes) throws IOException;

    /** A record's description as schema-valid XML; an invalid description is a programming error. */
    byte[] describe(RecordDescription description);

    /** What is wrong with a received description against the schema; empty when valid. */
    List<String> validate(byte[] xml);

    /** A received description (validate it first). */
    RecordDescription parse(byte[] xml);

    /** A package being written. */
    interface PackageWriter extends AutoCloseable {
        /** Copies one payload file; returns its digests. */
        FixityDigest.Result addPayload(String path, InputStream content) throws IOException;

        FixityDigest.Result addPayload(String path, byte[] content) throws IOException;

        /** Writes the tag files with these package-info fields; the package is complete after it. */
        Summary finish(Map<String, String> info) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** What identifies a written package: its payload size and the digest of its tag manifest. */
    record Summary(String payloadOxum, String tagManifestSha256, long files) {}

    /** A received package, verified on opening. */
    interface PackageReader extends AutoCloseable {
        /** Every problem found, in words; empty when the package is complete and every digest matches. */
        List<String> problems();

        String bagName();

        Map<String, String> bagInfo();

        /** Verified payload files with their digests. */
        Map<String, FixityDigest.Result> payload();

        List<String> payloadPaths();

        String tagManifestSha256();

        /** Reads a payload file. */
        InputStream open(String path) throws IOException;

        @Override
        void close() throws IOException;
    }
}
