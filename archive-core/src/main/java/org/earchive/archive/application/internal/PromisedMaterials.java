package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;

/**
 * 容缺受理's last step: when the last promised material of a case is in and archive-ready, the promise ends; a case
 * approved while it waited is archived at once. Asked after an upload to such a case, after a capture result, and by
 * the workflow schedule for every case still waiting (so a node that died between the two finishes on another).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PromisedMaterials {
    private static final Logger LOG = Logger.getLogger(PromisedMaterials.class.getName());

    @EJB
    CaseEndings endings;

    @EJB
    ArchiveService archive;

    /** Ends the case's promise if it is kept and archives the case if it was approved meanwhile; never throws. */
    @PermitAll
    public void arrived(String caseNumber) {
        try {
            if (endings.keepPromise(caseNumber, "system")) {
                archive.archiveApproved(caseNumber);
            }
        } catch (EarchiveException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Case " + caseNumber + ": promised materials in, archiving left to the schedule: "
                            + e.getMessage());
        }
    }
}
