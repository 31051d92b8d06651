package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.EmployerService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.EmployerCaseView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For social-insurance credit (社保征信), one of the "1+6" system's subsystems: an employer's archived cases. */
@RequestScoped
@Path("employers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "employers", description = "Credit checks read an employer's archived cases; every read is audited")
public class EmployerResource {
    @EJB
    EmployerService employers;

    @GET
    @Path("{creditCode}/cases")
    @AllowedRoles(Roles.READER)
    @Operation(
            summary =
                    "The archived cases concerning an employer (unified social credit code, GB 32100 check character):"
                            + " business, decision and archiving times, archive numbers; the read is audited")
    public List<EmployerCaseView> cases(@PathParam("creditCode") String creditCode) throws EarchiveException {
        return employers.archivedCases(creditCode);
    }
}
