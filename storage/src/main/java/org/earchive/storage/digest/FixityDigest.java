package org.earchive.storage.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.earchive.storage.crypto.Sm3;

/** SHA-256 and SM3 over the same bytes, fed incrementally. Not thread-safe; one per stream. */
public final class FixityDigest {
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest sha256;
    private final Sm3 sm3 = new Sm3();
    private long length;

    public FixityDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256", e);
        }
    }

    public void update(byte[] buffer, int offset, int count) {
        sha256.update(buffer, offset, count);
        sm3.update(buffer, offset, count);
        length += count;
    }

    public long length() {
        return length;
    }

    /** Finishes both digests; call once. */
    public Result finish() {
        byte[] sm3Out = sm3.finish();
        byte[] shaOut = sha256.digest();
        return new Result(HEX.formatHex(shaOut), HEX.formatHex(sm3Out), shaOut, length);
    }

    /** Both digests of a byte array; convenient for small objects and tests. */
    public static Result of(byte[] bytes) {
        FixityDigest d = new FixityDigest();
        d.update(bytes, 0, bytes.length);
        return d.finish();
    }

    /**
     * @param sha256Hex lower-case hex SHA-256
     * @param sm3Hex lower-case hex SM3
     * @param sha256Bytes the raw SHA-256 (for base64 checksum headers)
     * @param length bytes digested
     */
    public record Result(String sha256Hex, String sm3Hex, byte[] sha256Bytes, long length) {
        public String sha256Base64() {
            return Base64.getEncoder().encodeToString(sha256Bytes);
        }
    }
}
