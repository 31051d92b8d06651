package org.earchive.archive.domain.model.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.document.CaseDocument;

/** One archived item: a material's file, numbered, retained, with the digests it was archived with. */
@Entity
@Table(name = "archive_record")
public class ArchiveRecord {
    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "archive_number", nullable = false, unique = true, length = 64)
    private String archiveNumber;

    @Column(name = "series_key", nullable = false, length = 64)
    private String seriesKey;

    @Column(name = "item_no", nullable = false)
    private long itemNo;

    @Column(name = "fonds", nullable = false, length = 16)
    private String fonds;

    @Column(name = "record_year", nullable = false)
    private int year;

    @Column(name = "category", nullable = false, length = 16)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention", nullable = false, length = 16)
    private Retention retention;

    @Column(name = "retain_until")
    private LocalDate retainUntil;

    @Column(name = "legal_hold", nullable = false)
    private boolean legalHold;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "citizen_id", nullable = false, length = 18)
    private String citizenId;

    @Column(name = "business_type", nullable = false, length = 32)
    private String businessType;

    @Column(name = "material_code", nullable = false, length = 32)
    private String materialCode;

    @Column(name = "title", nullable = false, length = 255)
    private String title;

    @Column(name = "object_key", nullable = false, length = 100)
    private String objectKey;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "sm3", nullable = false, length = 64)
    private String sm3;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "archived_at", nullable = false)
    private Instant archivedAt;

    @Column(name = "archived_by", nullable = false, length = 64)
    private String archivedBy;

    @Column(name = "restricted", nullable = false)
    private boolean restricted;

    @Column(name = "hold_reason", length = 500)
    private String holdReason;

    @Column(name = "disposed_at")
    private Instant disposedAt;

    @Column(name = "disposal_list_id")
    private Long disposalListId;

    @Column(name = "source_office", length = 16)
    private String sourceOffice;

    @Column(name = "source_archive_number", length = 64)
    private String sourceArchiveNumber;

    @Column(name = "transfer_package", length = 80)
    private String transferPackage;

    protected ArchiveRecord() {}

    public ArchiveRecord(
            ArchiveNumber number,
            Retention retention,
            LocalDate formed,
            long caseId,
            String citizenId,
            String businessType,
            CaseDocument document,
            Instant now,
            String archivedBy) {
        this.archiveNumber = number.toString();
        this.seriesKey = number.series();
        this.itemNo = number.item();
        this.fonds = number.fonds();
        this.year = number.year();
        this.category = number.category();
        this.retention = retention;
        this.retainUntil = retention.retainUntil(formed).orElse(null);
        this.caseId = caseId;
        this.documentId = document.id();
        this.citizenId = citizenId;
        this.businessType = businessType;
        this.materialCode = document.materialCode();
        this.title = document.fileName();
        this.objectKey = document.objectKey();
        this.sha256 = document.sha256();
        this.sm3 = document.sm3();
        this.sizeBytes = document.sizeBytes();
        this.archivedAt = now;
        this.archivedBy = archivedBy;
    }

    /** Records where a received record came from: the sending office, its number there, the package. */
    public ArchiveRecord receivedFrom(String office, String number, String packageId) {
        this.sourceOffice = office;
        this.sourceArchiveNumber = number;
        this.transferPackage = packageId;
        return this;
    }

    public String sourceOffice() {
        return sourceOffice;
    }

    public String sourceArchiveNumber() {
        return sourceArchiveNumber;
    }

    public String transferPackage() {
        return transferPackage;
    }

    public Long id() {
        return id;
    }

    public String archiveNumber() {
        return archiveNumber;
    }

    public long itemNo() {
        return itemNo;
    }

    public String seriesKey() {
        return seriesKey;
    }

    public Retention retention() {
        return retention;
    }

    public LocalDate retainUntil() {
        return retainUntil;
    }

    public boolean legalHold() {
        return legalHold;
    }

    public Long caseId() {
        return caseId;
    }

    public Long documentId() {
        return documentId;
    }

    public String citizenId() {
        return citizenId;
    }

    public String businessType() {
        return businessType;
    }

    public String materialCode() {
        return materialCode;
    }

    public String title() {
        return title;
    }

    public String objectKey() {
        return objectKey;
    }

    public String sha256() {
        return sha256;
    }

    public String sm3() {
        return sm3;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public String archivedBy() {
        return archivedBy;
    }

    public int year() {
        return year;
    }

    public String category() {
        return category;
    }

    public String fonds() {
        return fonds;
    }

    public boolean restricted() {
        return restricted;
    }

    public String holdReason() {
        return holdReason;
    }

    public Instant disposedAt() {
        return disposedAt;
    }

    public Long disposalListId() {
        return disposalListId;
    }

    public boolean disposed() {
        return disposedAt != null;
    }

    /** A legal hold (诉讼保全、审计): the record is never listed for disposal while it holds. */
    public void hold(String reason) {
        this.legalHold = true;
        this.holdReason = reason;
    }

    public void release() {
        this.legalHold = false;
        this.holdReason = null;
    }

    /** A restricted record's content is read only under an approved, unexpired borrowing. */
    public void restrict(boolean on) {
        this.restricted = on;
    }

    /** Past retention on {@code day}, not held, not yet destroyed: a candidate for appraisal. */
    public boolean expiredOn(LocalDate day) {
        return retainUntil != null && retainUntil.isBefore(day) && !legalHold && disposedAt == null;
    }

    /** The content is destroyed under an approved list; the record (its metadata) stays. */
    public void disposed(long listId, Instant when) {
        this.disposalListId = listId;
        this.disposedAt = when;
    }
}
