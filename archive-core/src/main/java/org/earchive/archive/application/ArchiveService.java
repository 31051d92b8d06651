package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.RecordView;

/** The archive: records made from approved cases, read by number, by case (一事一档) and by person (一人一档). */
@Local
public interface ArchiveService {
  /** Archives an approved case: numbers its items, applies retention to its objects, closes the case. */
  List<RecordView> archive(String caseNumber) throws EarchiveException;

  RecordView record(String archiveNumber) throws EarchiveException;

  List<RecordView> person(String citizenId) throws EarchiveException;

  List<RecordView> dossier(String caseNumber) throws EarchiveException;

  /**
   * Full text (Chinese word segmentation) and filters over archived records, paged, with highlights. Clerks find
   * their own hall's records only.
   */
  /** Rebuilds the search index from the database: the index is never the only copy of anything. */
  long reindex() throws EarchiveException;

  org.earchive.archive.application.dto.SearchResultView search(org.earchive.archive.application.dto.SearchRequest request)
      throws EarchiveException;
}
