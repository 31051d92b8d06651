/** The transfer register: electronic transfer packages (BagIt) sent and received. */
package org.earchive.archive.domain.model.transfer;
