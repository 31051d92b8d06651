package org.earchive.capture.station;

/** What a file the station uploads is to the case: the archival PDF/A it made, or the original it made it from. */
public enum DocumentRole {
    ARCHIVAL,
    ORIGINAL
}
