package org.earchive.archive.domain.model.cases;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import java.util.Optional;
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

    @Embedded
    private Promise promise;

    /** Who withdrew or closed the case, when and why: the same three facts as a decision, in columns of their own. */
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "by", column = @Column(name = "closed_by", length = 64)),
        @AttributeOverride(name = "at", column = @Column(name = "closed_at")),
        @AttributeOverride(name = "comment", column = @Column(name = "close_reason", length = 500))
    })
    private Decision closure;

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

    /** Whether a material promised under 容缺受理 is still to come: the promise is listed, counted and reminded of. */
    public boolean promiseOpen() {
        return promise != null && promise.pending() && (open() || status == CaseStatus.AWAITING_MATERIALS);
    }

    /** Whether the case, past the counter, still takes the promised materials (and only those). */
    public boolean acceptsPromised() {
        return promiseOpen() && !acceptsMaterials();
    }

    /** The last promised material has arrived: a case approved while waiting for it is approved outright. */
    public void promiseKept(Instant now) {
        if (!promiseOpen()) {
            throw illegal("promise-kept");
        }
        this.promise = promise.kept(now);
        if (status == CaseStatus.AWAITING_MATERIALS) {
            this.status = CaseStatus.APPROVED;
        }
    }

    /** The applicant withdraws the application; only before a decision. */
    public void withdraw(String by, String reason, Instant now) {
        if (!open()) {
            throw illegal("withdraw");
        }
        end(CaseStatus.WITHDRAWN, by, reason, now);
    }

    /** A rejected case is closed: it will not be submitted again. */
    public void close(String by, String reason, Instant now) {
        if (status != CaseStatus.REJECTED) {
            throw illegal("close");
        }
        end(CaseStatus.CLOSED, by, reason, now);
    }

    private void end(CaseStatus outcome, String by, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw WorkflowException.reasonRequired("请填写原因。Write down the reason: it stays with the case.");
        }
        this.closure = new Decision(by, now, reason.strip());
        this.status = outcome;
        this.assignedTo = null;
    }

    /** Open: not yet decided (at the counter, waiting for or with a reviewer, or sent back for a supplement). */
    public boolean open() {
        return status == CaseStatus.ACCEPTED
                || status == CaseStatus.SUBMITTED
                || status == CaseStatus.ASSIGNED
                || status == CaseStatus.SUPPLEMENT_REQUESTED;
    }

    /**
     * Sends the case to the back office. Every required material must be there, unless the business type accepts a
     * supplement later (容缺受理) and the clerk recorded the date the applicant promised.
     */
    public void submit(BusinessType type, Set<String> missingRequired, LocalDate promisedSupplement, Instant now) {
        if (!acceptsMaterials()) {
            throw illegal("submit");
        }
        this.promise = Promise.atSubmission(
                type,
                missingRequired,
                promisedSupplement,
                now.atZone(ZoneOffset.UTC).toLocalDate());
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
            throw WorkflowException.fourEyes(caseNumber);
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
            throw WorkflowException.fourEyes(caseNumber);
        }
        this.assignedTo = reviewer;
        this.assignedAt = now;
    }

    /** Approves the case; with a promised material still to come it waits for it ({@code AWAITING_MATERIALS}). */
    public void approve(String reviewer, String comment, Instant now, boolean promisedOutstanding) {
        decide(reviewer, comment, now, promisedOutstanding ? CaseStatus.AWAITING_MATERIALS : CaseStatus.APPROVED);
    }

    public void reject(String reviewer, String comment, Instant now) {
        decide(reviewer, comment, now, CaseStatus.REJECTED);
    }

    public void requestSupplement(String reviewer, String comment, Instant now) {
        decide(reviewer, comment, now, CaseStatus.SUPPLEMENT_REQUESTED);
    }

    private void decide(String reviewer, String comment, Instant now, CaseStatus outcome) {
        if (reviewer.equals(acceptedBy)) {
            throw WorkflowException.fourEyes(caseNumber);
        }
        if (status != CaseStatus.ASSIGNED) {
            throw illegal(outcome.name().toLowerCase());
        }
        if (!reviewer.equals(assignedTo)) {
            throw WorkflowException.notAssigned(caseNumber);
        }
        if (comment == null || comment.isBlank()) {
            throw WorkflowException.reasonRequired("请填写审核意见。Every decision needs a reason: write it down.");
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

    /** Past its deadline and still undecided. */
    public boolean overdue(Instant now) {
        return now.isAfter(dueAt) && open();
    }

    /** A promise whose date has passed with the material still missing. */
    public boolean promiseOverdue(LocalDate today) {
        return promiseOpen() && promise.date().isBefore(today);
    }

    private WorkflowException illegal(String step) {
        return WorkflowException.illegal(caseNumber, status, step);
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

    /** The 容缺受理 promise recorded at the last submission, or none. */
    public Optional<Promise> promise() {
        return Optional.ofNullable(promise);
    }

    public LocalDate supplementPromised() {
        return promise == null ? null : promise.date();
    }

    /** How the case was withdrawn or closed (who, when, the reason), or none. */
    public Optional<Decision> closure() {
        return Optional.ofNullable(closure);
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
