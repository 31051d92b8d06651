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
