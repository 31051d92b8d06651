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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.earchive.archive.domain.model.catalogue.BusinessType;

/** One applicant's business, from acceptance at the counter to the archive. */
@Entity
@Table(name = "business_case")
public class BusinessCase {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  @Id
  @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true, length = 32)
  private String caseNumber;

  @Column(name = "business_type", nullable = false, length = 32)
  private String businessType;

  @Embedded private Applicant applicant;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, length = 16)
  private Channel channel;

  @Column(name = "hall", length = 32)
  private String hall;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 24)
  private CaseStatus status;

  @Column(name = "accepted_by", nullable = false, length = 64)
  private String acceptedBy;

  @Column(name = "accepted_at", nullable = false)
  private Instant acceptedAt;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected BusinessCase() {}

  /** Accepts a case at the front office; the deadline runs from now. */
  public BusinessCase(
      BusinessType type, Applicant applicant, Channel channel, String hall, String clerk, Instant now) {
    this.businessType = Objects.requireNonNull(type, "A business type is required").code();
    this.applicant = Objects.requireNonNull(applicant, "An applicant is required");
    this.channel = Objects.requireNonNull(channel, "A channel is required");
    this.hall = hall;
    this.acceptedBy = Objects.requireNonNull(clerk, "The accepting clerk is required");
    this.acceptedAt = now;
    this.dueAt = now.plus(type.deadline());
    this.status = CaseStatus.ACCEPTED;
  }

  /**
   * Gives the case its number once the store has assigned its id: C + acceptance day + a sequence, readable over the
   * phone and unique because the id is.
   */
  public void numberFrom(ZoneId zone) {
    if (caseNumber != null) {
      throw new IllegalStateException("The case already has a number");
    }
    Objects.requireNonNull(id, "The case must be stored before it is numbered");
    caseNumber = "C" + DAY.format(acceptedAt.atZone(zone)) + String.format("%07d", id);
  }

  /** Whether materials may still be added (front office holds the case). */
  public boolean acceptsMaterials() {
    return status == CaseStatus.ACCEPTED || status == CaseStatus.SUPPLEMENT_REQUESTED;
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
