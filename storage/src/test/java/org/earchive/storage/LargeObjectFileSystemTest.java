package org.earchive.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB object goes in and out through the port with a heap of 256 MiB (this module's tests run with -Xmx256m):
 * memory does not grow with object size. The bytes are generated, never held.
 */
class LargeObjectFileSystemTest {
    static final long SIZE = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aGigabyteThroughTheFilesystemStore() throws Exception {
        roundTrip(new FileSystemObjectStore(dir.resolve("fs")));
    }

    static void roundTrip(ObjectStore store) throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 300L * 1024 * 1024, "run with -Xmx256m");
        GeneratedStream source = new GeneratedStream(SIZE);
        StoredObject stored = store.put(source, "application/octet-stream");
        assertEquals(SIZE, stored.size());
        assertEquals(source.sha256(), stored.sha256());
        try (InputStream in = store.get(stored.key())) {
            assertEquals(SIZE, in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    /** Deterministic pseudo-random bytes, produced on demand. */
    static final class GeneratedStream extends InputStream {
        private final long size;
        private long pos;
        private long state = 0x9E3779B97F4A7C15L;
        private final MessageDigest sha;

        GeneratedStream(long size) throws Exception {
            this.size = size;
            this.sha = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            sha.update(b, off, n);
            pos += n;
            return n;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
