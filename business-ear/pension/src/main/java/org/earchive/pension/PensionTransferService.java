package org.earchive.pension;

import jakarta.ejb.Local;
import org.earchive.archive.application.EarchiveException;

/**
 * Pension transfer (养老保险关系转移接续): for an approved TRANSFER case, the applicant's archive leaves as a transfer
 * package for the receiving office — another instance of this product (over HTTP, imported and verified there) or a
 * folder the receiving office collects from — configured in {@code EARCHIVE_TRANSFER_RECEIVERS}.
 */
@Local
public interface PensionTransferService {
    TransferDelivery send(String caseNumber, String receiver) throws EarchiveException;
}
