package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.AuditEventView;
import org.earchive.archive.application.dto.AuditVerification;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.audit.AuditEvent;
import org.earchive.archive.domain.model.audit.AuditHead;
import org.earchive.archive.domain.model.audit.AuditRepository;
import org.earchive.archive.domain.model.audit.ChainVerifier;

@Stateless
public class DefaultAuditTrail implements AuditTrail {
    private static final int PAGE = 1000;

    @Inject
    AuditRepository events;

    @Inject
    LockWaits headWaits;

    @Override
    @PermitAll
    public void record(String actor, AuditAction action, String target, String detail) {
        long asked = System.nanoTime();
        AuditHead head = events.lockHead();
        headWaits.record(System.nanoTime() - asked);
        AuditEvent event =
                new AuditEvent(head.lastSeq(), head.lastHash(), Instant.now(), actor, action, target, detail);
        events.store(event);
        head.advanceTo(event);
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public AuditVerification verify() {
        ChainVerifier.Result r = ChainVerifier.verify(events.head(), events::page, PAGE);
        return new AuditVerification(
                r.valid(), r.checked(), r.brokenAt().orElse(null), r.reason().orElse(null));
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.ARCHIVIST})
    public List<AuditEventView> latest(int limit) {
        return events.latest(Math.max(1, Math.min(limit, 500))).stream()
                .map(e -> new AuditEventView(
                        e.seq(), e.occurredAt(), e.actor(), e.action().name(), e.target(), e.detail(), e.hash()))
                .toList();
    }
}
