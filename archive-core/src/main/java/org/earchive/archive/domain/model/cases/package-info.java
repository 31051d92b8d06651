/**
 * A case (业务经办): one applicant's business, accepted at a channel by a clerk, carrying its materials through the
 * front office and the back office to the archive. The aggregate guards its own state.
 */
package org.earchive.archive.domain.model.cases;
