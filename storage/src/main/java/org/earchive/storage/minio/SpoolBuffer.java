package org.earchive.storage.minio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Holds an incoming object until its digest (and so its key) is known: in memory up to {@link #MEMORY_LIMIT} (a
 * typical page never touches the disk), in a temporary file beyond, so memory stays bounded whatever the size.
 */
final class SpoolBuffer extends OutputStream {
    static final int MEMORY_LIMIT = 1024 * 1024;
    private final Path dir;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(64 * 1024);
    private Path file;
    private OutputStream fileOut;
    private long length;

    SpoolBuffer(Path dir) {
        this.dir = dir;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + len > MEMORY_LIMIT) {
            file = dir.resolve(UUID.randomUUID() + ".spool");
            fileOut = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
        length += len;
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
        }
    }

    long length() {
        return length;
    }

    InputStream open() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
            return Files.newInputStream(file);
        }
        return new ByteArrayInputStream(memory.toByteArray());
    }

    /** Releases the memory or deletes the file. */
    void discard() {
        memory = null;
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the spool folder is cleaned at the next start
        }
    }
}
