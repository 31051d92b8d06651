package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.earchive.archive.application.BorrowingService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.BorrowingView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("archive/borrowings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "borrowing", description = "借阅: time-limited, approved access to restricted records")
public class BorrowingResource {
    @EJB
    BorrowingService borrowing;

    public record BorrowingRequest(String archiveNumber, String purpose, Integer days) {}

    public record DecisionRequest(String decision, String comment) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER})
    @Operation(summary = "Asks to borrow a record: {archiveNumber, purpose, days (1..30)}")
    public Response request(BorrowingRequest request) throws EarchiveException {
        if (request == null || request.days() == null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "Send {\"archiveNumber\", \"purpose\", \"days\"}.");
        }
        RequestValues.text("purpose", request == null ? null : request.purpose(), RequestValues.COMMENT);
        return Response.status(201)
                .entity(borrowing.request(request.archiveNumber(), request.purpose(), request.days()))
                .build();
    }

    @GET
    @AllowedRoles({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER})
    @Operation(
            summary =
                    "Borrowings: every one for archivists and administrators, one's own for others; ?status=REQUESTED")
    public List<BorrowingView> list(@QueryParam("status") String status) throws EarchiveException {
        return borrowing.list(status);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(
            summary =
                    "Approves or rejects a borrowing: {decision: APPROVE|REJECT, comment}; never one's own (FOUR_EYES)")
    public BorrowingView decide(@PathParam("id") long id, DecisionRequest request) throws EarchiveException {
        RequestValues.text("comment", request == null ? null : request.comment(), RequestValues.COMMENT);
        return borrowing.decide(id, approve(request), request.comment());
    }

    static boolean approve(DecisionRequest request) throws EarchiveException {
        if (request == null || request.decision() == null) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "Send {\"decision\": \"APPROVE|REJECT\", \"comment\": \"…\"}.");
        }
        return switch (request.decision().strip().toUpperCase(Locale.ROOT)) {
            case "APPROVE" -> true;
            case "REJECT" -> false;
            default ->
                throw new EarchiveException(ErrorCode.INVALID_REQUEST, "The decision must be APPROVE or REJECT.");
        };
    }
}
