/** Risk signals raised on cases: the same document presented in different cases, with the evidence. */
package org.earchive.archive.domain.model.risk;
