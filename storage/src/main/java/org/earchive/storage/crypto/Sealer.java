package org.earchive.storage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.earchive.storage.IntegrityException;

/**
 * Seals objects in authenticated segments so that they stream in both directions with bounded memory, and every
 * segment is checked before its bytes are released.
 *
 * <pre>
 * header   "EAE1" | cipher id (1) | segment size (4) | nonce prefix (8)
 * segment  GCM(plaintext ≤ segment size) | tag (16)   nonce = prefix | index (4, top bit set on the last one)
 * </pre>
 *
 * The header is authenticated with every segment; the last-segment flag makes truncation detectable.
 */
public final class Sealer {
    static final byte[] MAGIC = "EAE1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 17;
    static final int TAG = 16;
    static final int SEGMENT = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keyring keyring;
    private final Algorithm algorithm;

    public Sealer(Keyring keyring, Algorithm algorithm) {
        this.keyring = keyring;
        this.algorithm = algorithm;
    }

    public Keyring keyring() {
        return keyring;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** A stream that seals what is written to it into {@code out} under a fresh data key; close it to finish. */
    public Sealing seal(OutputStream out) throws IOException {
        byte[] dataKey = new byte[algorithm.keyBytes()];
        RANDOM.nextBytes(dataKey);
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        byte[] header = ByteBuffer.allocate(HEADER)
                .put(MAGIC)
                .put(algorithm.id())
                .putInt(SEGMENT)
                .put(prefix)
                .array();
        out.write(header);
        return new Sealing(out, algorithm, dataKey, header, keyring.wrap(dataKey));
    }

    /** Opens a sealed object; a damaged, truncated or swapped segment fails with an {@link IntegrityException}. */
    public InputStream open(InputStream in, String wrappedKey, String objectKey) throws IOException {
        byte[] dataKey;
        try {
            dataKey = keyring.unwrap(wrappedKey);
        } catch (Keyring.KeyUnavailableException e) {
            throw new IOException("Cannot open " + objectKey + ": " + e.getMessage(), e);
        }
        return new Opening(in, dataKey, objectKey);
    }

    /** Re-wraps a data key under the current master key (rotation); the object itself is untouched. */
    public String rewrap(String wrappedKey) throws Keyring.KeyUnavailableException {
        return keyring.isCurrent(wrappedKey) ? wrappedKey : keyring.wrap(keyring.unwrap(wrappedKey));
    }

    static byte[] nonce(byte[] header, int index, boolean last) {
        return ByteBuffer.allocate(12)
                .put(header, 9, 8)
                .putInt(last ? index | 0x80000000 : index)
                .array();
    }

    /** The sealing side. {@link #wrappedKey()} goes into the object's description, never into the object. */
    public static final class Sealing extends FilterOutputStream {
        private final Algorithm algorithm;
        private final byte[] key;
        private final byte[] header;
        private final String wrappedKey;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private int index;
        private boolean closed;

        Sealing(OutputStream out, Algorithm algorithm, byte[] key, byte[] header, String wrappedKey) {
            super(out);
            this.algorithm = algorithm;
            this.key = key;
            this.header = header;
            this.wrappedKey = wrappedKey;
        }

        public String wrappedKey() {
            return wrappedKey;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == SEGMENT) {
                    emit(false);
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void emit(boolean last) throws IOException {
            GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(algorithm.engine());
            gcm.init(true, new AEADParameters(new KeyParameter(key), TAG * 8, nonce(header, index, last), header));
            byte[] sealed = new byte[gcm.getOutputSize(filled)];
            int n = gcm.processBytes(buffer, 0, filled, sealed, 0);
            try {
                gcm.doFinal(sealed, n);
            } catch (InvalidCipherTextException e) {
                throw new IOException(e);
            }
            out.write(sealed);
            index++;
            filled = 0;
        }

        /** Writes the last segment; does not close the underlying stream. */
        public void finish() throws IOException {
            if (!closed) {
                emit(true);
                closed = true;
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            finish();
            super.close();
        }
    }

    private static final class Opening extends InputStream {
        private final PushbackInputStream in;
        private final byte[] key;
        private final String objectKey;
        private byte[] header;
        private Algorithm algorithm;
        private byte[] plain = new byte[0];
        private int pos;
        private int index;
        private boolean done;

        Opening(InputStream in, byte[] key, String objectKey) {
            this.in = new PushbackInputStream(in, 1);
            this.key = key;
            this.objectKey = objectKey;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == plain.length) {
                if (done) {
                    return -1;
                }
                nextSegment();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        private void nextSegment() throws IOException {
            if (header == null) {
                header = new byte[HEADER];
                try {
                    new DataInputStream(in).readFully(header);
                } catch (EOFException e) {
                    throw damaged("is shorter than its header");
                }
                if (!Arrays.equals(Arrays.copyOf(header, 4), MAGIC)) {
                    throw damaged("is not a sealed object");
                }
                algorithm = Algorithm.of(header[4]);
            }
            byte[] chunk = in.readNBytes(SEGMENT + TAG);
            int peek = in.read();
            boolean last = peek < 0;
            if (!last) {
                in.unread(peek);
            }
            if (chunk.length < TAG) {
                throw damaged("was cut short");
            }
            GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(algorithm.engine());
            gcm.init(false, new AEADParameters(new KeyParameter(key), TAG * 8, nonce(header, index, last), header));
            byte[] out = new byte[gcm.getOutputSize(chunk.length)];
            int n = gcm.processBytes(chunk, 0, chunk.length, out, 0);
            try {
                n += gcm.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw damaged("failed authentication in segment " + index);
            }
            plain = n == out.length ? out : Arrays.copyOf(out, n);
            pos = 0;
            index++;
            done = last;
        }

        private IntegrityException damaged(String what) {
            return new IntegrityException(
                    objectKey,
                    "Integrity failure: the sealed object " + objectKey + " " + what
                            + ". The stored copy was changed or damaged; restore it from the replica or a backup.");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Sealing into memory, for tests. */
    static byte[] sealAll(Sealer sealer, byte[] plain, String[] wrappedKeyOut) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sealing s = sealer.seal(out)) {
            s.write(plain);
            wrappedKeyOut[0] = s.wrappedKey();
        }
        return out.toByteArray();
    }
}
