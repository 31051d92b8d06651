package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.earchive.archive.application.DispositionService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.AppraisalRun;
import org.earchive.archive.application.dto.DisposalListView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("archive/disposal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disposition", description = "到期鉴定与销毁: destruction lists, approved before anything is destroyed")
public class DisposalResource {
    @EJB
    DispositionService disposition;

    @POST
    @Path("appraisals")
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(summary = "Starts the appraisal batch job, which lists every record past retention (never a held one)")
    public Response appraise() throws EarchiveException {
        return Response.accepted(disposition.appraise()).build();
    }

    @GET
    @Path("appraisals/{execution}")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "An appraisal run: batch status and the list it proposed")
    public AppraisalRun run(@PathParam("execution") long execution) throws EarchiveException {
        return disposition.run(execution);
    }

    @GET
    @Path("lists")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Destruction lists, newest first (kept for ever)")
    public List<DisposalListView> lists() throws EarchiveException {
        return disposition.lists();
    }

    @GET
    @Path("lists/{id}/print")
    @Produces(Printouts.MEDIA)
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The destruction list (销毁清册) to print and sign, as PDF/A with the agency's header")
    public Response print(@PathParam("id") long id, @Context SecurityContext security) throws EarchiveException {
        return Printouts.inline(
                Printouts.disposal(
                        disposition.list(id), security.getUserPrincipal().getName()),
                "销毁清册-" + id + ".pdf");
    }

    @GET
    @Path("lists/{id}")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One destruction list with its items and their outcome")
    public DisposalListView list(@PathParam("id") long id) throws EarchiveException {
        return disposition.list(id);
    }

    @POST
    @Path("lists/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "The appraisal group's decision: {decision: APPROVE|REJECT, comment}; never the list's author")
    public DisposalListView decide(@PathParam("id") long id, BorrowingResource.DecisionRequest request)
            throws EarchiveException {
        RequestValues.text("comment", request == null ? null : request.comment(), RequestValues.COMMENT);
        return disposition.decide(id, BorrowingResource.approve(request), request.comment());
    }

    @POST
    @Path("lists/{id}/execute")
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(summary = "Destroys the content of an approved list's records; the metadata and the list are kept")
    public DisposalListView execute(@PathParam("id") long id) throws EarchiveException {
        return disposition.execute(id);
    }
}
