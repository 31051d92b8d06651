/** Values several aggregates share: a decision (who, when, why). */
package org.earchive.archive.domain.model.shared;
