package org.earchive.archive.domain.model.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The XML description of one record in a transfer package, as data (see {@code earchive-record-1.0.xsd}). */
public record RecordDescription(
        String archiveNumber,
        String fonds,
        int year,
        String category,
        String retention,
        LocalDate retainUntil,
        String title,
        String businessType,
        String material,
        String role,
        String caseNumber,
        String citizenId,
        String applicantName,
        Instant decidedAt,
        Instant archivedAt,
        String archivedBy,
        boolean legalHold,
        boolean restricted,
        FileRef file,
        Check check,
        Provenance provenance,
        List<Event> audit) {

    public record FileRef(String name, String mediaType, long size, String sha256, String sm3) {}

    public record Check(String occasion, Instant checkedAt, boolean passed, List<CheckItem> items) {}

    public record CheckItem(String property, String subject, String check, boolean passed, String detail) {}

    /**
     * @param office the office that sent this package
     * @param originalOffice the office where the record was first archived, when it is not the sender
     */
    public record Provenance(String office, String originalOffice, String originalArchiveNumber) {}

    public record Event(long seq, Instant at, String actor, String action, String hash, String detail) {}

    /** The same description without its audit excerpt, which the receiving archive reads but does not keep. */
    public RecordDescription withoutAudit() {
        return new RecordDescription(
                archiveNumber,
                fonds,
                year,
                category,
                retention,
                retainUntil,
                title,
                businessType,
                material,
                role,
                caseNumber,
                citizenId,
                applicantName,
                decidedAt,
                archivedAt,
                archivedBy,
                legalHold,
                restricted,
                file,
                check == null ? null : new Check(check.occasion(), check.checkedAt(), check.passed(), List.of()),
                provenance,
                List.of());
    }

    /** The office where the record was first archived, and its number there: the key that makes re-imports no-ops. */
    public String originOffice() {
        return provenance.originalOffice() != null ? provenance.originalOffice() : provenance.office();
    }

    public String originNumber() {
        return provenance.originalArchiveNumber() != null ? provenance.originalArchiveNumber() : archiveNumber;
    }
}
