/** The people who sign in: clerks, reviewers, archivists, auditors, administrators and service accounts. */
package org.earchive.archive.domain.model.account;
