package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.RecordView;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.identity.InvalidCitizenIdException;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/**
 * Archiving in three steps, each safe to repeat: number the case's items (one transaction, series locked), put their
 * objects under write-once retention in the store, close the case. A failure anywhere leaves the case approved, and
 * the archiving schedule resumes it where it stopped.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultArchiveService implements ArchiveService {
  /** "Permanent" in the store: a retention date no record will outlive. */
  static final LocalDate PERMANENT_UNTIL = LocalDate.of(2999, 12, 31);

  @EJB ArchiveNumbering numbering;
  @Inject ArchiveRepository archive;
  @Inject CaseRepository cases;
  @Inject ObjectStore store;
  @Inject org.earchive.archive.domain.service.SearchIndex index;
  @Inject org.earchive.archive.domain.model.document.DocumentRepository documents;
  @Inject org.earchive.archive.domain.model.account.UserAccountRepository accounts;
  @Resource SessionContext context;

  @Override
  @RolesAllowed({Roles.REVIEWER, Roles.ARCHIVIST, Roles.ADMIN})
  public List<RecordView> archive(String caseNumber) throws EarchiveException {
    String actor = context.getCallerPrincipal().getName();
    String seriesKey = numbering.seriesKeyFor(caseNumber);
    try {
      numbering.ensureSeries(seriesKey);
    } catch (jakarta.ejb.EJBException e) {
      // Another archiving created the series row at the same moment: it exists now, which is all we need.
    }
    List<ArchiveRecord> records = numbering.number(caseNumber, actor);
    for (ArchiveRecord r : records) {
      LocalDate until = r.retainUntil() == null ? PERMANENT_UNTIL : r.retainUntil();
      try {
        store.retain(r.objectKey(), until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (StorageException e) {
        throw new EarchiveException(
            ErrorCode.STORAGE_UNAVAILABLE,
            "The records of " + caseNumber + " are numbered but " + r.objectKey() + " could not be put under retention: "
                + e.getMessage() + ". Archiving will be resumed.",
            e);
      }
    }
    numbering.close(caseNumber, actor);
    indexRecords(caseNumber, records);
    return records.stream().map(r -> view(r, caseNumber, true)).toList();
  }

  @Override
  @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER})
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public RecordView record(String archiveNumber) throws EarchiveException {
    ArchiveRecord r =
        archive.find(archiveNumber)
            .orElseThrow(
                () ->
                    new EarchiveException(
                        ErrorCode.RECORD_NOT_FOUND, "没有档号为 " + archiveNumber + " 的档案。No record has the number " + archiveNumber + "."));
    return view(r, caseNumberOf(r), seesFullId());
  }

  @Override
  @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.SERVICE})
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public List<RecordView> person(String citizenId) throws EarchiveException {
    String id;
    try {
      id = CitizenId.parse(citizenId).value();
    } catch (InvalidCitizenIdException e) {
      throw new EarchiveException(ErrorCode.INVALID_CITIZEN_ID, e.getMessage());
    }
    boolean full = seesFullId();
    return archive.byCitizen(id).stream().map(r -> view(r, caseNumberOf(r), full)).toList();
  }

  @Override
  @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER, Roles.CLERK})
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public List<RecordView> dossier(String caseNumber) throws EarchiveException {
    long caseId =
        cases.find(caseNumber)
            .orElseThrow(
                () -> new EarchiveException(ErrorCode.CASE_NOT_FOUND, "No case has the number " + caseNumber + "."))
            .id();
    boolean full = seesFullId();
    return archive.byCase(caseId).stream().map(r -> view(r, caseNumber, full)).toList();
  }

  /** Best effort: the index is rebuilt from the database ({@link #reindex}) if this fails. */
  private void indexRecords(String caseNumber, List<ArchiveRecord> records) {
    cases.find(caseNumber).ifPresent(c -> {
      try {
        index.indexAll(records.stream().map(r -> entry(r, c, documents.text(r.documentId()))).toList());
      } catch (java.io.IOException | RuntimeException e) {
        java.util.logging.Logger.getLogger(DefaultArchiveService.class.getName())
            .warning("Case " + caseNumber + " archived but not indexed: " + e.getMessage());
      }
    });
  }

  /** A record's index entry; its text is its document's (the OCR layer of the PDF/A), kept in the database. */
  static org.earchive.archive.domain.service.SearchIndex.Entry entry(
      ArchiveRecord r, org.earchive.archive.domain.model.cases.BusinessCase c, String text) {
    return new org.earchive.archive.domain.service.SearchIndex.Entry(
        "rec:" + r.archiveNumber(), c.caseNumber(), r.citizenId(), c.applicant().name(), r.businessType(),
        r.materialCode(), r.title(), text, "record", r.archiveNumber(), r.category(), c.hall(),
        r.archivedAt().toEpochMilli());
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public long reindex() throws EarchiveException {
    try {
      index.clear();
      long indexed = 0;
      long after = 0;
      for (List<Object[]> page = numbering.recordsWithCases(after, 500); !page.isEmpty(); page = numbering.recordsWithCases(after, 500)) {
        List<org.earchive.archive.domain.service.SearchIndex.Entry> entries = new java.util.ArrayList<>();
        for (Object[] row : page) {
          ArchiveRecord r = (ArchiveRecord) row[0];
          entries.add(entry(r, (org.earchive.archive.domain.model.cases.BusinessCase) row[1],
              documents.text(r.documentId())));
          after = r.id();
        }
        index.indexAll(entries);
        indexed += entries.size();
      }
      return indexed;
    } catch (java.io.IOException e) {
      throw new EarchiveException(ErrorCode.STORAGE_UNAVAILABLE, "The search index could not be rebuilt: " + e.getMessage(), e);
    }
  }

  @Override
  @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER, Roles.CLERK})
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public org.earchive.archive.application.dto.SearchResultView search(
      org.earchive.archive.application.dto.SearchRequest r) throws EarchiveException {
    String hall = null;
    if (context.isCallerInRole(Roles.CLERK)
        && !context.isCallerInRole(Roles.ARCHIVIST)
        && !context.isCallerInRole(Roles.AUDITOR)
        && !context.isCallerInRole(Roles.ADMIN)) {
      hall = accounts.find(context.getCallerPrincipal().getName()).map(a -> a.hall()).orElse("-");
    }
    java.time.ZoneId zone = org.earchive.archive.infrastructure.config.EarchiveSettings.current().zone();
    try {
      org.earchive.archive.domain.service.SearchIndex.Page page =
          index.search(
              new org.earchive.archive.domain.service.SearchIndex.Query(
                  r.text(), r.citizenId(), r.applicantName(), r.businessType(), r.archiveNumber(), r.category(), hall,
                  r.from() == null ? null : r.from().atStartOfDay(zone).toInstant().toEpochMilli(),
                  r.to() == null ? null : r.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1,
                  r.page(), r.size() <= 0 ? 20 : r.size()));
      return new org.earchive.archive.application.dto.SearchResultView(
          page.total(), page.page(), page.size(),
          page.hits().stream()
              .map(h -> new org.earchive.archive.application.dto.SearchResultView.Hit(
                  h.archiveNumber(), h.caseNumber(), h.applicantName(), h.businessType(), h.material(), h.title(),
                  h.category(), java.time.Instant.ofEpochMilli(h.epochMillis()), h.highlight()))
              .toList());
    } catch (java.io.IOException e) {
      throw new EarchiveException(ErrorCode.INVALID_REQUEST, "检索条件无效：" + e.getMessage() + " The search could not run.", e);
    }
  }

  private String caseNumberOf(ArchiveRecord r) {
    return cases.findById(r.caseId()).map(c -> c.caseNumber()).orElse(null);
  }

  private boolean seesFullId() {
    return context.isCallerInRole(Roles.ARCHIVIST)
        || context.isCallerInRole(Roles.SERVICE)
        || context.isCallerInRole(Roles.REVIEWER);
  }

  static RecordView view(ArchiveRecord r, String caseNumber, boolean fullId) {
    return new RecordView(
        r.archiveNumber(),
        caseNumber,
        fullId ? r.citizenId() : CitizenId.mask(r.citizenId()),
        r.businessType(),
        r.materialCode(),
        r.title(),
        r.retention().name(),
        r.retainUntil(),
        r.legalHold(),
        r.documentId(),
        r.sizeBytes(),
        r.sha256(),
        r.sm3(),
        r.archivedAt());
  }
}
