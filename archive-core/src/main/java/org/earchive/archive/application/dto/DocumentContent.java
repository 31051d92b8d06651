package org.earchive.archive.application.dto;

import java.io.InputStream;

/**
 * A document's bytes, opened for reading. The stream verifies the digest as it goes and fails at its end if the
 * bytes were changed; the caller closes it.
 */
public record DocumentContent(DocumentView document, InputStream stream) {}
