/** Borrowing (借阅): time-limited, approved access to restricted records. */
package org.earchive.archive.domain.model.borrowing;
