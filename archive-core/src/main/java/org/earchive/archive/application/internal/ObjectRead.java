package org.earchive.archive.application.internal;

import java.nio.file.Path;

/** What one read of an object found (its size, digests and first bytes), and where its bytes were copied. */
record ObjectRead(long size, String sha256, String sm3, byte[] head, Path copy) {}
