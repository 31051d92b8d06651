package org.earchive.archive.domain.service;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The full-text index over documents and records. It is never the only copy of anything: everything in it can be
 * rebuilt from the database and the object store.
 */
public interface SearchIndex {

  /** Adds or replaces the entry for a document. */
  void index(Entry entry) throws IOException;

  /** Number of entries searchable now. */
  long count() throws IOException;

  /** Throws if the index cannot serve queries. */
  void ping() throws IOException;

  /** Copies a consistent, committed state of the index into {@code target}; returns the number of files copied. */
  long snapshotTo(Path target) throws IOException;

  /**
   * One searchable thing.
   *
   * @param id stable identity ({@code doc:<id>})
   * @param caseNumber the case it belongs to
   * @param citizenId the applicant's full ID (indexed for exact filters, never stored for display)
   * @param applicantName the applicant's name
   * @param businessType business type code
   * @param material material code
   * @param title file name or record title
   * @param text full text (OCR or the born-digital text)
   */
  record Entry(
      String id,
      String caseNumber,
      String citizenId,
      String applicantName,
      String businessType,
      String material,
      String title,
      String text) {}
}
