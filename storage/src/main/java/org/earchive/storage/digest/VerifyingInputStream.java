package org.earchive.storage.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.earchive.storage.IntegrityException;

/**
 * Reads an object and, when its end is reached, checks the SHA-256 and the length against what the key promises. A
 * mismatch throws {@link IntegrityException} instead of reporting end-of-stream, so no reader can finish a copy of bad
 * bytes believing it complete.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final String key;
    private final String expectedSha256;
    private final long expectedLength;
    private final MessageDigest sha256;
    private long length;
    private boolean verified;

    /**
     * @param expectedLength the stored length, or -1 if unknown
     */
    public VerifyingInputStream(InputStream in, String key, String expectedSha256, long expectedLength) {
        super(in);
        this.key = key;
        this.expectedSha256 = expectedSha256;
        this.expectedLength = expectedLength;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            length += n;
            if (expectedLength >= 0 && length > expectedLength) {
                throw mismatch("is longer than the " + expectedLength + " bytes recorded");
            }
        } else if (n < 0) {
            checkAtEnd();
        }
        return n;
    }

    private void checkAtEnd() throws IntegrityException {
        if (verified) {
            return;
        }
        if (expectedLength >= 0 && length != expectedLength) {
            throw mismatch("has " + length + " bytes where " + expectedLength + " were recorded");
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expectedSha256)) {
            throw mismatch("has SHA-256 " + actual + " where " + expectedSha256 + " was recorded");
        }
        verified = true;
    }

    private IntegrityException mismatch(String what) {
        return new IntegrityException(
                key,
                "Integrity failure: object "
                        + key
                        + " "
                        + what
                        + ". The stored copy was changed or damaged; restore it from the replica or a backup.");
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("Skipping would leave bytes unverified");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** True once the whole object has been read and matched its digest. */
    public boolean verified() {
        return verified;
    }
}
