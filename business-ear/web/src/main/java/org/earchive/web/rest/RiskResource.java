package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.RiskService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.CaseFlagView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk", description = "风险提示: the same document presented in different cases")
public class RiskResource {
    @EJB
    RiskService risk;

    @GET
    @Path("cases/{caseNumber}/flags")
    @AllowedRoles({Roles.REVIEWER, Roles.MANAGER, Roles.ADMIN, Roles.ARCHIVIST, Roles.AUDITOR, Roles.CLERK})
    @Operation(summary = "The risk signals of a case, with their evidence")
    public List<CaseFlagView> flags(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return risk.flags(caseNumber);
    }

    @GET
    @Path("flags")
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The latest risk signals of all cases, for managers")
    public List<CaseFlagView> recent(@QueryParam("limit") @DefaultValue("100") int limit) throws EarchiveException {
        return risk.recent(limit);
    }
}
