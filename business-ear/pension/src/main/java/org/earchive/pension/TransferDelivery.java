package org.earchive.pension;

import java.util.List;

/**
 * What a delivery did: the package sent, where, and the receiving office's answer — {@code DELIVERED} (imported there,
 * or left in its folder) or {@code REFUSED} (its verification failed; {@code problems} says why).
 */
public record TransferDelivery(
        String caseNumber,
        String receiver,
        String packageId,
        int records,
        String outcome,
        String receiverOutcome,
        int imported,
        int alreadyHeld,
        List<String> receiverArchiveNumbers,
        List<String> problems) {}
