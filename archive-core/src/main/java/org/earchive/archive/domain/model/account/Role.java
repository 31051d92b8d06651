package org.earchive.archive.domain.model.account;

/** The roles of the security baseline; their names are the role names the container checks. */
public enum Role {
  clerk,
  reviewer,
  archivist,
  auditor,
  admin,
  manager,
  service
}
