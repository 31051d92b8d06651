package org.earchive.archive.domain.model.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One file of a case's material, as stored. */
@Entity
@Table(name = "case_document")
public class CaseDocument {
    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "material_code", nullable = false, length = 32)
    private String materialCode;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "sm3", nullable = false, length = 64)
    private String sm3;

    @Column(name = "object_key", nullable = false, length = 100)
    private String objectKey;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    /** The client's idempotency key (a station's batch id and SHA-256), or null for a one-off upload. */
    @Column(name = "upload_key", length = 160)
    private String uploadKey;

    /** ARCHIVAL (the PDF/A the archive keeps) or ORIGINAL (the scanner's own file, kept beside it). */
    @Column(name = "disposed_at")
    private Instant disposedAt;

    @Column(name = "role", nullable = false, length = 16)
    private String role = ARCHIVAL;

    public static final String ARCHIVAL = "ARCHIVAL";
    public static final String ORIGINAL = "ORIGINAL";

    protected CaseDocument() {}

    public CaseDocument(
            Long caseId,
            String materialCode,
            String fileName,
            String contentType,
            StoredContent content,
            String uploadedBy,
            Instant uploadedAt) {
        this.caseId = Objects.requireNonNull(caseId);
        this.materialCode = Objects.requireNonNull(materialCode);
        this.fileName = fileName == null || fileName.isBlank() ? "document" : fileName;
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
        this.sizeBytes = content.size();
        this.sha256 = content.sha256();
        this.sm3 = content.sm3();
        this.objectKey = content.objectKey();
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
    }

    public Long id() {
        return id;
    }

    /** Records the idempotency key the upload came with. */
    public CaseDocument withUploadKey(String key) {
        this.uploadKey = key;
        return this;
    }

    public String uploadKey() {
        return uploadKey;
    }

    /** Marks the document as the scanner's original rather than the archival PDF/A. */
    public CaseDocument withRole(String role) {
        if (!ARCHIVAL.equals(role) && !ORIGINAL.equals(role)) {
            throw new IllegalArgumentException("role must be ARCHIVAL or ORIGINAL");
        }
        this.role = role;
        return this;
    }

    public String role() {
        return role;
    }

    public Long caseId() {
        return caseId;
    }

    public String materialCode() {
        return materialCode;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public String sm3() {
        return sm3;
    }

    public String objectKey() {
        return objectKey;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    /** When the content was destroyed under an approved disposal list, or null. */
    public Instant disposedAt() {
        return disposedAt;
    }

    public void disposed(Instant when) {
        this.disposedAt = when;
    }
}
