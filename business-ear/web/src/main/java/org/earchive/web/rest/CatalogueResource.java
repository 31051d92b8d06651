package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.CatalogueService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.BusinessTypeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("catalogue/business-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "catalogue",
        description = "The business catalogue: types, materials, deadlines, retention (data, no redeploy)")
public class CatalogueResource {
    @EJB
    CatalogueService catalogue;

    @GET
    @AllowedRoles({
        Roles.CLERK,
        Roles.MANAGER,
        Roles.REVIEWER,
        Roles.ARCHIVIST,
        Roles.AUDITOR,
        Roles.ADMIN,
        Roles.STATION,
        Roles.READER
    })
    @Operation(
            summary =
                    "Every business type with its materials, deadline, archive category, retention and reviewer skill")
    public List<BusinessTypeView> types() {
        return catalogue.types();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.ADMIN)
    @Operation(
            summary = "Creates or revises a business type; new cases use it at once. Send the version read, to refuse"
                    + " overwriting someone else's change")
    public BusinessTypeView save(@PathParam("code") String code, BusinessTypeView type) throws EarchiveException {
        if (type == null || !code.equals(type.code())) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "The body's code must be the one in the URL.");
        }
        return catalogue.save(type);
    }
}
