package org.earchive.capture.station;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import org.earchive.capture.faults.FaultPoint;

/**
 * Writes that survive a power cut: to a temporary name, forced to the disk, renamed, and the folder forced too — so
 * after a crash a file is either absent or whole.
 */
final class Durable {
    private Durable() {}

    static long write(Path target, InputStream content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        boolean page = target.getParent() != null
                && target.getParent().getFileName().toString().equals("originals");
        long n;
        try (FileChannel ch = FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(ch)) {
            n = content.transferTo(out);
            out.flush();
            if (page) {
                FaultPoint.reach(FaultPoint.PAGE_BEFORE_FSYNC);
            }
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.getParent());
        if (page) {
            FaultPoint.reach(FaultPoint.PAGE_AFTER_RENAME);
        }
        return n;
    }

    static void write(Path target, String text) throws IOException {
        write(target, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a properties file durably. */
    static void write(Path target, Properties properties, String comment) throws IOException {
        StringWriter w = new StringWriter();
        properties.store(w, comment);
        write(target, w.toString());
    }

    /** A properties file as written by {@link #write(Path, Properties, String)}; empty when there is none. */
    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Appends one line and forces it to the disk. */
    static void append(Path file, String line) throws IOException {
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    static void syncFolder(Path folder) throws IOException {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for syncing; the rename is still atomic there
        }
    }
}
