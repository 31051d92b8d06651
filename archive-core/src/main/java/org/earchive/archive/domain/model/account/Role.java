package org.earchive.archive.domain.model.account;

/** The roles of the security baseline; their names are the role names the container checks. */
public enum Role {
    clerk,
    reviewer,
    archivist,
    auditor,
    admin,
    manager,
    /** A capture station: uploads into open cases, nothing else. */
    station,
    /** Another system of the agency (business modules, fund control, credit): reads archived records only, audited. */
    reader,
    /** Another archive office's account: imports transfer packages into this archive. */
    service
}
