package org.earchive.archive.domain.model.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.earchive.archive.domain.model.catalogue.BusinessType;

/**
 * A 容缺受理 promise: the date by which the applicant will bring the required materials that were missing when the case
 * was submitted, and when the last of them arrived. Immutable; keeping the promise makes a new one.
 */
@Embeddable
public class Promise {
    @Column(name = "supplement_promised")
    private LocalDate date;

    @Column(name = "supplement_received_at")
    private Instant receivedAt;

    protected Promise() {}

    /**
     * The promise a submission records: none when nothing required is missing; otherwise only for a business type that
     * accepts a supplement later (容缺受理), with the date the applicant promised, not in the past.
     */
    static Promise atSubmission(BusinessType type, Set<String> missingRequired, LocalDate promised, LocalDate today) {
        if (missingRequired.isEmpty()) {
            return null;
        }
        if (!type.supplementAllowed()) {
            throw new WorkflowException(
                    WorkflowException.Reason.MATERIALS_MISSING,
                    "还缺少必需材料 " + missingRequired + "，不能提交。Required materials are missing: " + missingRequired + ".");
        }
        if (promised == null || promised.isBefore(today)) {
            throw new WorkflowException(
                    WorkflowException.Reason.MATERIALS_MISSING,
                    "缺少材料 " + missingRequired + "：容缺受理须登记申请人承诺补交的日期。Materials " + missingRequired
                            + " are missing: record the date the applicant promised to bring them (supplement later).");
        }
        return new Promise(promised);
    }

    public Promise(LocalDate date) {
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }

    /** When the last promised material arrived, or null while one is still to come. */
    public Instant receivedAt() {
        return receivedAt;
    }

    boolean pending() {
        return date != null && receivedAt == null;
    }

    Promise kept(Instant now) {
        Promise p = new Promise(date);
        p.receivedAt = now;
        return p;
    }
}
