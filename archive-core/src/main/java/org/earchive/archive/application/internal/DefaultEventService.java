package org.earchive.archive.application.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.EventService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.outbox.OutboxMessage;

@Stateless
public class DefaultEventService implements EventService {
    @Inject
    CaseRepository cases;

    @EJB
    Outbox outbox;

    @Override
    @RolesAllowed(Roles.REVIEWER)
    public void pensionDetermined(String caseNumber, JsonObject details) throws EarchiveException {
        BusinessCase c = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        outbox.event(OutboxMessage.Kind.PENSION_DETERMINED, caseNumber, c.businessType(), details);
    }
}
