package org.earchive.storage.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.digest.DigestingInputStream;
import org.earchive.storage.digest.FixityDigest;

/**
 * Writing an object's file durably: the bytes (sealed when a {@link Sealer} is given) go to a temporary file that is
 * fsync'd, while their plaintext digests are computed; the caller then moves it into place with {@link #moveIntoPlace}
 * and syncs the folder.
 */
final class DurableWrites {
    private static final int BUFFER = 64 * 1024;
    private final Sealer sealer;

    /** What a durable write produced: the plaintext's digests and, when sealed, the wrapped data key. */
    record Written(FixityDigest.Result digest, String wrappedKey) {}

    DurableWrites(Sealer sealer) {
        this.sealer = sealer;
    }

    Written writeDurably(InputStream content, Path temp) throws IOException {
        DigestingInputStream in = new DigestingInputStream(content);
        String wrappedKey = null;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream file = Channels.newOutputStream(channel)) {
            OutputStream out = file;
            Sealer.Sealing sealing = null;
            if (sealer != null) {
                sealing = sealer.seal(file);
                out = sealing;
                wrappedKey = sealing.wrappedKey();
            }
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            if (sealing != null) {
                sealing.finish();
            }
            file.flush();
            channel.force(true);
        }
        return new Written(in.digest().finish(), wrappedKey);
    }

    static void moveIntoPlace(Path temp, Path data) throws IOException {
        try {
            Files.move(temp, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // A concurrent put of the same bytes won the race: the content is identical by construction.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The object folder's file system cannot move files atomically", e);
        }
    }

    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for fsync; the data file itself was forced.
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
