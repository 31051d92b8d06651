package org.earchive.archive.domain.model.audit;

/** What happened. Names are stored; never rename one. */
public enum AuditAction {
  CASE_OPENED,
  DOCUMENT_UPLOADED,
  DOCUMENT_VIEWED,
  LOGIN_FAILED,
  BACKUP_TAKEN,
  FIXITY_AUDIT,
  FIXITY_MISMATCH,
  OBJECT_MISSING,
  ORPHAN_REMOVED,
  KEYS_ROTATED,
  CASE_SUBMITTED,
  CASE_ASSIGNED,
  CASE_DECIDED,
  CASE_ARCHIVED
}
