package org.earchive.archive.domain.model.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A risk signal on a case (风险提示): what was found ({@code kind}), the evidence in words, and the other case it points
 * to. One flag per case, kind and piece of evidence ({@code evidenceKey}): raising it again changes nothing.
 */
@Entity
@Table(name = "case_flag")
public class CaseFlag {
    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "case_number", nullable = false, length = 32)
    private String caseNumber;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "evidence_key", nullable = false, length = 200)
    private String evidenceKey;

    @Column(name = "evidence", nullable = false, length = 2000)
    private String evidence;

    @Column(name = "other_case", length = 32)
    private String otherCase;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "raised_by", nullable = false, length = 64)
    private String raisedBy;

    protected CaseFlag() {}

    public CaseFlag(
            String caseNumber,
            String kind,
            String evidenceKey,
            String evidence,
            String otherCase,
            Instant at,
            String by) {
        this.caseNumber = Objects.requireNonNull(caseNumber);
        this.kind = Objects.requireNonNull(kind);
        this.evidenceKey = clip(Objects.requireNonNull(evidenceKey), 200);
        this.evidence = clip(Objects.requireNonNull(evidence), 2000);
        this.otherCase = otherCase;
        this.raisedAt = at;
        this.raisedBy = by;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String kind() {
        return kind;
    }

    public String evidenceKey() {
        return evidenceKey;
    }

    public String evidence() {
        return evidence;
    }

    public String otherCase() {
        return otherCase;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String raisedBy() {
        return raisedBy;
    }
}
