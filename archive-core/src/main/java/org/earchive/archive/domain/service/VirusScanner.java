package org.earchive.archive.domain.service;

import java.io.InputStream;

/** A virus scan of one stream (security, DA/T 70). */
public interface VirusScanner {
    /** Names are shown in reports. */
    enum Outcome {
        CLEAN,
        INFECTED,
        /** No scanner is configured or installed here: the report says the content was not scanned. */
        NOT_INSTALLED,
        /** A scanner is configured but could not scan: the check fails, it never passes silently. */
        UNAVAILABLE
    }

    /** @param detail the signature found, or why the scan could not run */
    record Verdict(Outcome outcome, String detail) {}

    Verdict scan(InputStream content);

    /** Where the scanner is, for reports (no secrets). */
    String describe();
}
