package org.earchive.web.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.time.Instant;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.storage.IntegrityException;
import org.junit.jupiter.api.Test;

/** An archivist opening a file: damaged bytes and a store that broke off are different answers. */
class DocumentContentReadTest {
    private static final DocumentView DOCUMENT = new DocumentView(
            7,
            "C1",
            "ID_CARD",
            "a.pdf",
            "application/pdf",
            4,
            "00",
            "00",
            "clerk",
            Instant.EPOCH,
            null,
            "ARCHIVAL",
            false,
            null);

    @Test
    void theWholeFileWhenItReadsAndVerifies() throws Exception {
        byte[] bytes = {1, 2, 3, 4};
        assertArrayEquals(
                bytes, DocumentResource.readVerified(new DocumentContent(DOCUMENT, new ByteArrayInputStream(bytes))));
    }

    @Test
    void aStoreThatBreaksOffIsAnOutageToRetry() {
        EarchiveException e = assertThrows(
                EarchiveException.class,
                () -> DocumentResource.readVerified(
                        new DocumentContent(DOCUMENT, failing(new SocketException("Connection reset")))));
        assertEquals(ErrorCode.STORAGE_UNAVAILABLE, e.code(), e.getMessage());
    }

    @Test
    void bytesThatFailTheirDigestAreAnIntegrityFailure() {
        EarchiveException e = assertThrows(
                EarchiveException.class,
                () -> DocumentResource.readVerified(new DocumentContent(
                        DOCUMENT, failing(new IntegrityException("sha256/00", "Integrity failure: digest differs")))));
        assertEquals(ErrorCode.INTEGRITY_FAILURE, e.code(), e.getMessage());
    }

    private static InputStream failing(IOException failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
    }
}
