package org.earchive.archive.domain.model.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the transfer register (移交登记): a package exported, imported or refused — who, when, what, digests. */
@Entity
@Table(name = "transfer_entry")
public class TransferEntry {
    /** Which way the package went. Names are stored. */
    public enum Direction {
        EXPORT,
        IMPORT
    }

    /** What became of it. Names are stored. */
    public enum Outcome {
        EXPORTED,
        IMPORTED,
        ALREADY_HELD,
        REJECTED,
        DELIVERED,
        REFUSED
    }

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "package_id", nullable = false, length = 80)
    private String packageId;

    @Column(name = "direction", nullable = false, length = 16)
    private String direction;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "scope", nullable = false, length = 200)
    private String scope;

    @Column(name = "source_office", length = 16)
    private String sourceOffice;

    @Column(name = "target_office", length = 80)
    private String targetOffice;

    @Column(name = "record_count", nullable = false)
    private int recordCount;

    @Column(name = "payload_oxum", length = 40)
    private String payloadOxum;

    @Column(name = "tagmanifest_sha256", length = 64)
    private String tagmanifestSha256;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "report", length = 100000)
    private String report;

    protected TransferEntry() {}

    public TransferEntry(
            String packageId,
            Direction direction,
            Outcome outcome,
            String scope,
            String sourceOffice,
            String targetOffice,
            int recordCount,
            String payloadOxum,
            String tagmanifestSha256,
            String actor,
            Instant at,
            String report) {
        this.packageId = packageId == null ? "(unknown)" : clip(packageId, 80);
        this.direction = direction.name();
        this.outcome = outcome.name();
        this.scope = clip(scope, 200);
        this.sourceOffice = sourceOffice == null ? null : clip(sourceOffice, 16);
        this.targetOffice = targetOffice == null ? null : clip(targetOffice, 80);
        this.recordCount = recordCount;
        this.payloadOxum = payloadOxum == null ? null : clip(payloadOxum, 40);
        this.tagmanifestSha256 = tagmanifestSha256;
        this.actor = actor;
        this.at = at;
        this.report = report == null ? null : clip(report, 100000);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public String packageId() {
        return packageId;
    }

    public String direction() {
        return direction;
    }

    public String outcome() {
        return outcome;
    }

    public String scope() {
        return scope;
    }

    public String sourceOffice() {
        return sourceOffice;
    }

    public String targetOffice() {
        return targetOffice;
    }

    public int recordCount() {
        return recordCount;
    }

    public String payloadOxum() {
        return payloadOxum;
    }

    public String tagmanifestSha256() {
        return tagmanifestSha256;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    public String report() {
        return report;
    }
}
