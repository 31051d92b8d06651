package org.earchive.archive.domain.model.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.shared.Decision;

/** One applicant's business, from acceptance at the counter to the archive. */
@Entity
@Table(name = "business_case")
public class BusinessCase {

    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true, length = 32)
    private String caseNumber;

    @Column(name = "business_type", nullable = false, length = 32)
    private String businessType;

    @Embedded
    private Applicant applicant;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 16)
    private Channel channel;

    @Column(name = "hall", length = 32)
    private String hall;

    @Column(name = "employer_code", length = 18)
    private String employerCode;

    @Column(name = "employer_name", length = 200)
    private String employerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 24)
    private CaseStatus status;

    @Column(name = "accepted_by", nullable = false, length = 64)
    private String acceptedBy;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "assigned_to", length = 64)
    private String assignedTo;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Embedded
    private Decision decision;

    @Column(name = "supplement_promised")
    private LocalDate supplementPromised;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected BusinessCase() {}

    /** Accepts a case at the front office; the deadline runs from now. */
    public BusinessCase(
            BusinessType type, Applicant applicant, Channel channel, String hall, String clerk, Instant now) {
        this.businessType =
                Objects.requireNonNull(type, "A business type is required").code();
        this.applicant = Objects.requireNonNull(applicant, "An applicant is required");
        this.channel = Objects.requireNonNull(channel, "A channel is required");
        this.hall = hall;
        this.acceptedBy = Objects.requireNonNull(clerk, "The accepting clerk is required");
        this.acceptedAt = now;
        this.dueAt = now.plus(type.deadline());
        this.status = CaseStatus.ACCEPTED;
    }

    /**
     * A dossier received from another office in a transfer package (channel {@code TRANSFER}): it arrives decided and
     * archived there, so it is created archived here; the sending office's decision stays in the package's provenance.
     */
    public static BusinessCase received(
            BusinessType type,
            Applicant applicant,
            String sourceOffice,
            String importedBy,
            Instant decidedThere,
            Instant now) {
        BusinessCase c = new BusinessCase(type, applicant, Channel.TRANSFER, null, importedBy, now);
        c.dueAt = now;
        c.submittedAt = now;
        c.decision = new Decision(
                "transfer:" + sourceOffice,
                decidedThere == null ? now : decidedThere,
                "接收自 " + sourceOffice + " / received from " + sourceOffice);
        c.status = CaseStatus.ARCHIVED;
        c.archivedAt = now;
        return c;
    }

    /**
     * Gives the case its number once the store has assigned its id: C + acceptance day + a sequence, readable over the
     * phone and unique because the id is.
     */
    /** Gives the case its business number, taken from the day's counter ({@link CaseDayCounter}); once. */
    public void assignNumber(String caseNumber) {
        if (this.caseNumber != null) {
            throw new IllegalStateException("The case already has a number");
        }
        if (!CaseNumber.isValid(caseNumber)) {
            throw new IllegalArgumentException("not a case number: " + caseNumber);
        }
        this.caseNumber = caseNumber;
    }

    /** Whether materials may still be added (front office holds the case). */
    public boolean acceptsMaterials() {
        return status == CaseStatus.ACCEPTED
                || status == CaseStatus.SUPPLEMENT_REQUESTED
                || status == CaseStatus.REJECTED;
    }

    /**
     * Sends the case to the back office. Every required material must be there, unless the business type accepts a
     * supplement later (容缺受理) and the clerk recorded the date the applicant promised.
     */
    public void submit(BusinessType type, Set<String> missingRequired, LocalDate promisedSupplement, Instant now) {
        if (!acceptsMaterials()) {
            throw illegal("submit");
        }
        if (!missingRequired.isEmpty()) {
            if (!type.supplementAllowed()) {
                throw new WorkflowException(
                        WorkflowException.Reason.MATERIALS_MISSING,
                        "还缺少必需材料 " + missingRequired + "，不能提交。Required materials are missing: " + missingRequired
                                + ".");
            }
            if (promisedSupplement == null
                    || promisedSupplement.isBefore(now.atZone(ZoneOffset.UTC).toLocalDate())) {
                throw new WorkflowException(
                        WorkflowException.Reason.MATERIALS_MISSING,
                        "缺少材料 " + missingRequired + "：容缺受理须登记申请人承诺补交的日期。Materials " + missingRequired
                                + " are missing: record the date the applicant promised to bring them (supplement later).");
            }
        }
        this.supplementPromised = missingRequired.isEmpty() ? null : promisedSupplement;
        this.status = CaseStatus.SUBMITTED;
        this.submittedAt = now;
        this.assignedTo = null;
        this.assignedAt = null;
    }

    /** The system gives the submitted case to a reviewer; never the clerk who accepted it. */
    public void assign(String reviewer, Instant now) {
        if (status != CaseStatus.SUBMITTED) {
            throw illegal("assign");
        }
        if (reviewer.equals(acceptedBy)) {
            throw fourEyes();
        }
        this.assignedTo = reviewer;
        this.assignedAt = now;
        this.status = CaseStatus.ASSIGNED;
    }

    /** An administrator moves an assigned case to another reviewer. */
    public void reassign(String reviewer, Instant now) {
        if (status != CaseStatus.ASSIGNED) {
            throw illegal("reassign");
        }
        if (reviewer.equals(acceptedBy)) {
            throw fourEyes();
        }
        this.assignedTo = reviewer;
        this.assignedAt = now;
    }

    public void approve(String reviewer, String comment, Instant now) {
        decide(reviewer, comment, now, CaseStatus.APPROVED);
    }

    public void reject(String reviewer, String comment, Instant now) {
        decide(reviewer, comment, now, CaseStatus.REJECTED);
    }

    public void requestSupplement(String reviewer, String comment, Instant now) {
        decide(reviewer, comment, now, CaseStatus.SUPPLEMENT_REQUESTED);
    }

    private void decide(String reviewer, String comment, Instant now, CaseStatus outcome) {
        if (reviewer.equals(acceptedBy)) {
            throw fourEyes();
        }
        if (status != CaseStatus.ASSIGNED) {
            throw illegal(outcome.name().toLowerCase());
        }
        if (!reviewer.equals(assignedTo)) {
            throw new WorkflowException(
                    WorkflowException.Reason.NOT_ASSIGNED_TO_YOU,
                    "案件 " + caseNumber + " 分配给了其他审核员。Case " + caseNumber + " is assigned to another reviewer.");
        }
        if (comment == null || comment.isBlank()) {
            throw new WorkflowException(
                    WorkflowException.Reason.REASON_REQUIRED, "请填写审核意见。Every decision needs a reason: write it down.");
        }
        this.decision = new Decision(reviewer, now, comment.strip());
        this.status = outcome;
    }

    /** The approved case has become an archive record. */
    public void archive(Instant now) {
        if (status != CaseStatus.APPROVED) {
            throw illegal("archive");
        }
        this.status = CaseStatus.ARCHIVED;
        this.archivedAt = now;
    }

    public boolean overdue(Instant now) {
        return now.isAfter(dueAt)
                && status != CaseStatus.APPROVED
                && status != CaseStatus.ARCHIVED
                && status != CaseStatus.REJECTED;
    }

    private WorkflowException illegal(String step) {
        return new WorkflowException(
                WorkflowException.Reason.ILLEGAL_TRANSITION,
                "案件 " + caseNumber + " 当前状态为 " + status + "，不能执行该操作（" + step + "）。Case " + caseNumber + " is " + status
                        + ": it cannot " + step + " now.");
    }

    private WorkflowException fourEyes() {
        return new WorkflowException(
                WorkflowException.Reason.FOUR_EYES,
                "受理人不能审核自己受理的案件（前后台分离）。The clerk who accepted case " + caseNumber + " may not decide it.");
    }

    public String assignedTo() {
        return assignedTo;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String decidedBy() {
        return decision == null ? null : decision.by();
    }

    public Instant decidedAt() {
        return decision == null ? null : decision.at();
    }

    public String decisionComment() {
        return decision == null ? null : decision.comment();
    }

    public LocalDate supplementPromised() {
        return supplementPromised;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public Long id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String businessType() {
        return businessType;
    }

    public Applicant applicant() {
        return applicant;
    }

    public Channel channel() {
        return channel;
    }

    /** The employer the case concerns (its unified social credit code, already validated), or none. */
    public void employer(String code, String name) {
        this.employerCode = code;
        this.employerName = name;
    }

    public String employerCode() {
        return employerCode;
    }

    public String employerName() {
        return employerName;
    }

    public String hall() {
        return hall;
    }

    public CaseStatus status() {
        return status;
    }

    public String acceptedBy() {
        return acceptedBy;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }
}
