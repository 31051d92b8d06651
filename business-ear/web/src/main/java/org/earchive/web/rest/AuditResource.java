package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.AuditEventView;
import org.earchive.archive.application.dto.AuditVerification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The hash-chained audit trail")
public class AuditResource {
    @EJB
    AuditTrail audit;

    @GET
    @Path("verify")
    @AllowedRoles({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Recompute the hash chain; reports the first broken link (a changed, inserted or deleted row)")
    public AuditVerification verify() {
        return audit.verify();
    }

    @GET
    @Path("events")
    @AllowedRoles({Roles.AUDITOR, Roles.ADMIN, Roles.ARCHIVIST})
    @Operation(summary = "The latest audit events, newest first")
    public List<AuditEventView> latest(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.latest(limit);
    }
}
