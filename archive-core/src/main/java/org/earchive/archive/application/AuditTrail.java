package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.AuditEventView;
import org.earchive.archive.application.dto.AuditVerification;
import org.earchive.archive.domain.model.audit.AuditAction;

/** Appends to and checks the hash-chained audit trail. */
@Local
public interface AuditTrail {
    /**
     * Appends an event in the caller's transaction (so it exists exactly when the action committed). Details never
     * hold a full citizen ID.
     */
    void record(String actor, AuditAction action, String target, String detail);

    /** Recomputes the whole chain and reports the first broken link. */
    AuditVerification verify();

    List<AuditEventView> latest(int limit);
}
