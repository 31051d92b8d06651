package org.earchive.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class StorageFullExceptionTest {
    @Test
    void theOperatingSystemsNoSpaceIsAFullStore() {
        // /dev/full answers every write with ENOSPC: the JDK's own message, as a full disk gives it
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputStream out = Files.newOutputStream(full, StandardOpenOption.WRITE)) {
                out.write(new byte[8192]);
                out.flush();
            }
        });
        StorageException wrapped = StorageFullException.of("Could not store the object", new IOException("put", e));
        assertInstanceOf(StorageFullException.class, wrapped);
    }

    @Test
    void otherFailuresStayPlainStorageFailures() {
        StorageException e = StorageFullException.of("x", new IOException("Connection refused"));
        assertFalse(e instanceof StorageFullException);
    }

    @Test
    void s3ServersSayFullInTheirOwnWords() {
        assertTrue(StorageFullException.s3Full("InsufficientCapacity", 507));
        assertTrue(StorageFullException.s3Full("QuotaExceeded", 403));
        assertTrue(StorageFullException.s3Full("XMinioStorageFull", 500));
        assertFalse(StorageFullException.s3Full("AccessDenied", 403));
        assertFalse(StorageFullException.s3Full(null, 503));
    }
}
