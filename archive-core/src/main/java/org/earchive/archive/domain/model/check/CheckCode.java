package org.earchive.archive.domain.model.check;

/** Each check of the four-property check, with the stable code reports, packages and screens carry. */
public enum CheckCode {
    METADATA("metadata"),
    LOCATION("location"),
    CONTENT("content"),
    DIGESTS("digests"),
    FORMAT("format"),
    PDFA("pdfa"),
    ARCHIVAL_FORMAT("archival-format"),
    RENDERS("renders"),
    VIRUS_SCAN("virus-scan"),
    READABLE("readable"),
    REQUIRED_MATERIALS("required-materials"),
    DOCUMENTS("documents"),
    PROCESS_LOGGED("process-logged"),
    RECORD_METADATA("record-metadata"),
    RETENTION("retention"),
    SERIES_CONTINUITY("series-continuity");

    private final String code;

    CheckCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
