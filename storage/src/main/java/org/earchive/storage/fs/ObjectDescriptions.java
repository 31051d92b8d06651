package org.earchive.storage.fs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.earchive.storage.Protection;
import org.earchive.storage.StoredObject;

/**
 * An object's description beside its bytes ({@code <sha256>.meta}, a properties file): digests, size, type, time, its
 * protection (retention, legal hold) and, when sealed, its wrapped data key. Written to a temporary file, forced to
 * the disk and moved into place, so a description is always whole.
 */
final class ObjectDescriptions {
    private ObjectDescriptions() {}

    static void writeMeta(StoredObject o, Protection protection, String wrappedKey, Path meta) throws IOException {
        Properties p = new Properties();
        if (wrappedKey != null) {
            p.setProperty("dataKey", wrappedKey);
        }
        protection.retainUntil().ifPresent(t -> p.setProperty("retainUntil", t.toString()));
        p.setProperty("legalHold", Boolean.toString(protection.legalHold()));
        p.setProperty("sha256", o.sha256());
        p.setProperty("sm3", o.sm3());
        p.setProperty("size", Long.toString(o.size()));
        p.setProperty("contentType", o.contentType() == null ? "application/octet-stream" : o.contentType());
        p.setProperty("storedAt", o.storedAt().toString());
        storeProperties(p, meta);
    }

    static void storeProperties(Properties p, Path meta) throws IOException {
        Path temp = meta.resolveSibling(meta.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Writer w = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            p.store(w, null);
            w.flush();
            channel.force(true);
        }
        Files.move(temp, meta, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static StoredObject readMeta(String key, Path meta, Path data) throws IOException {
        Properties p = Files.exists(meta) ? loadProperties(meta) : new Properties();
        long size = p.containsKey("size") ? Long.parseLong(p.getProperty("size")) : Files.size(data);
        Instant storedAt = p.containsKey("storedAt")
                ? Instant.parse(p.getProperty("storedAt"))
                : Files.getLastModifiedTime(data).toInstant();
        return new StoredObject(
                key,
                size,
                StoredObject.sha256Of(key),
                p.getProperty("sm3", ""),
                p.getProperty("contentType", "application/octet-stream"),
                storedAt,
                false);
    }

    static Properties loadProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The protection recorded in a description; {@link Protection#NONE} if there is no description. */
    static Protection readProtection(Path meta) throws IOException {
        if (!Files.exists(meta)) {
            return Protection.NONE;
        }
        Properties p = loadProperties(meta);
        return new Protection(
                Optional.ofNullable(p.getProperty("retainUntil")).map(Instant::parse),
                Boolean.parseBoolean(p.getProperty("legalHold", "false")));
    }
}
