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
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.WorkflowService;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.TaskView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The back office: the reviewer's inbox and decisions. */
@RequestScoped
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "workflow", description = "Submission, assignment by the system, decisions (four-eyes)")
public class WorkflowResource {
    @EJB
    WorkflowService workflow;

    @Context
    SecurityContext security;

    public record DecisionRequest(String decision, String comment) {}

    @GET
    @AllowedRoles(Roles.REVIEWER)
    @Operation(summary = "The caller's inbox, earliest deadline first, with the time left and overdue cases marked")
    public List<TaskView> tasks() {
        return workflow.tasks(security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.REVIEWER)
    @Operation(
            summary =
                    "Decide a case assigned to you: APPROVE (archives it), REJECT or SUPPLEMENT, always with a reason")
    public CaseView decide(@PathParam("id") String id, DecisionRequest request) throws EarchiveException {
        if (request == null || request.decision() == null) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "Send {\"decision\": \"APPROVE|REJECT|SUPPLEMENT\", \"comment\": \"…\"}.");
        }
        WorkflowService.Decision decision;
        try {
            decision =
                    WorkflowService.Decision.valueOf(request.decision().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "The decision must be APPROVE, REJECT or SUPPLEMENT.");
        }
        RequestValues.text("comment", request.comment(), RequestValues.COMMENT);
        return workflow.decide(
                id, decision, request.comment(), security.getUserPrincipal().getName());
    }
}
