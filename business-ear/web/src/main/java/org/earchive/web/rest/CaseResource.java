package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.CaseService;
import org.earchive.archive.application.DocumentService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.ReuseService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.WorkflowService;
import org.earchive.archive.application.dto.CaseListRequest;
import org.earchive.archive.application.dto.CasePage;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.OpenCaseCommand;
import org.earchive.archive.application.dto.RecordView;
import org.earchive.archive.application.dto.Reminders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// One instance for all requests (it holds only EJB references and the request's context proxies): a request-scoped
// resource was built, injected and looked up in JNDI on every upload.
@ApplicationScoped
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Front office: open cases and add their materials")
public class CaseResource {
    @EJB
    CaseService cases;

    @EJB
    DocumentService documents;

    @EJB
    ReuseService reuse;

    @EJB
    WorkflowService workflow;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** The body of {@code POST /api/cases}. */
    public record OpenCaseRequest(
            String businessType, ApplicantRequest applicant, String channel, EmployerRequest employer) {}

    /** The employer a case concerns, if any: its unified social credit code (GB 32100, checked) and name. */
    public record EmployerRequest(String creditCode, String name) {}

    public record ApplicantRequest(String idNumber, String name) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Open a case for an applicant; the answer lists the required materials (一次性告知)")
    public Response open(OpenCaseRequest request) throws EarchiveException {
        if (request == null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "请求内容为空。Send the case as JSON.");
        }
        ApplicantRequest a = Optional.ofNullable(request.applicant()).orElse(new ApplicantRequest(null, null));
        RequestValues.text("applicant.name", a.name(), RequestValues.NAME);
        RequestValues.text(
                "employer.name",
                request.employer() == null ? null : request.employer().name(),
                RequestValues.NAME);
        CaseView view = cases.open(
                new OpenCaseCommand(
                        request.businessType(),
                        a.idNumber(),
                        a.name(),
                        request.channel(),
                        request.employer() == null ? null : request.employer().creditCode(),
                        request.employer() == null ? null : request.employer().name()),
                security.getUserPrincipal().getName());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(view.caseNumber()).build())
                .entity(view)
                .build();
    }

    @GET
    @AllowedRoles({Roles.CLERK, Roles.MANAGER, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary =
                    "Find cases (the caller's hall only): view=open|returned|promised|overdue, status, applicant (a full"
                            + " citizen ID or a name), from/to (acceptance days), mine=true for the caller's own; paged")
    public CasePage list(
            @QueryParam("view") String view,
            @QueryParam("status") String status,
            @QueryParam("applicant") String applicant,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("mine") boolean mine,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size)
            throws EarchiveException {
        return cases.list(new CaseListRequest(
                view,
                status,
                RequestValues.text("applicant", applicant, RequestValues.NAME),
                RequestValues.date(from),
                RequestValues.date(to),
                mine,
                RequestValues.page(page),
                RequestValues.size(size)));
    }

    @GET
    @Path("reminders")
    @AllowedRoles({Roles.CLERK, Roles.MANAGER, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary =
                    "The counts behind the counter's badges: the caller's open cases, cases sent back to them, overdue"
                            + " cases, 容缺受理 promises due today and overdue")
    public Reminders reminders() {
        return cases.reminders();
    }

    /** The body of a withdrawal or a closure: why, in the applicant's or the clerk's words. */
    public record ReasonRequest(String reason) {}

    @POST
    @Path("{caseNumber}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "The applicant withdraws the application before a decision; the reason is kept with the case")
    public CaseView withdraw(@PathParam("caseNumber") String caseNumber, ReasonRequest request)
            throws EarchiveException {
        return cases.withdraw(
                caseNumber, reason(request), security.getUserPrincipal().getName());
    }

    @POST
    @Path("{caseNumber}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.CLERK, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Close a rejected case (it will not be submitted again); it keeps its history and materials")
    public CaseView close(@PathParam("caseNumber") String caseNumber, ReasonRequest request) throws EarchiveException {
        return cases.close(
                caseNumber, reason(request), security.getUserPrincipal().getName());
    }

    private static String reason(ReasonRequest request) throws EarchiveException {
        return RequestValues.text("reason", request == null ? null : request.reason(), 500);
    }

    @GET
    @Path("{caseNumber}")
    @AllowedRoles({Roles.CLERK, Roles.MANAGER, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A case with its materials checklist and documents")
    public CaseView find(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return cases.find(caseNumber);
    }

    public record ReuseRequest(String archiveNumber) {}

    @GET
    @Path("{caseNumber}/reusable")
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(
            summary = "Archived materials of the applicant that this case's checklist asks for, to reuse instead of"
                    + " collecting the paper again")
    public List<RecordView> reusable(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return reuse.reusable(caseNumber);
    }

    @POST
    @Path("{caseNumber}/documents/reuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(
            summary = "Adds an archived record's file to the case as its material ({archiveNumber}); the reuse is"
                    + " recorded in the audit trail; repeating it answers the same document")
    public Response reuse(@PathParam("caseNumber") String caseNumber, ReuseRequest request) throws EarchiveException {
        if (request == null || request.archiveNumber() == null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "Send {\"archiveNumber\": \"…\"}.");
        }
        DocumentView view = reuse.reuse(caseNumber, request.archiveNumber());
        return Response.status(view.replayed() ? 200 : 201).entity(view).build();
    }

    @GET
    @Path("{caseNumber}/notice")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "The one-time notification of missing materials (一次性告知书), as a printable page")
    public String notice(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return Notice.html(cases.find(caseNumber));
    }

    @GET
    @Path("{caseNumber}/receipt")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(
            summary = "The applicant's receipt (受理回执): case number, business, materials received, due date and a QR"
                    + " code of the case number, as a printable page")
    public String receipt(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return Notice.receipt(cases.find(caseNumber));
    }

    @DELETE
    @Path("{caseNumber}/documents/{id}")
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(
            summary = "Take a document back from the case while it still takes materials (a wrong file, a capture that"
                    + " failed): audited with `reason`; the stored file goes unless another document refers to it")
    public DocumentView remove(
            @PathParam("caseNumber") String caseNumber, @PathParam("id") long id, @QueryParam("reason") String reason)
            throws EarchiveException {
        return documents.remove(caseNumber, id, RequestValues.text("reason", reason, 200));
    }

    @POST
    @Path("{caseNumber}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @AllowedRoles({Roles.CLERK, Roles.ADMIN, Roles.STATION})
    @Operation(
            summary =
                    "Upload a file for one of the case's materials (multipart: file, material, optional role ARCHIVAL|ORIGINAL);"
                            + " with an Idempotency-Key header a repeated upload answers 200 with the first one's document")
    public Response upload(
            @PathParam("caseNumber") String caseNumber,
            @HeaderParam("Idempotency-Key") String uploadKey,
            List<EntityPart> parts)
            throws EarchiveException {
        EntityPart file = part(parts, "file");
        EntityPart materialPart = part(parts, "material");
        EntityPart rolePart = part(parts, "role");
        if (file == null) {
            throw new EarchiveException(
                    ErrorCode.EMPTY_FILE, "请选择要上传的文件（字段 file）。Choose a file to upload (form field 'file').");
        }
        try (InputStream content = file.getContent()) {
            String material = materialPart == null ? null : materialPart.getContent(String.class);
            String contentType =
                    file.getMediaType() == null ? null : file.getMediaType().toString();
            DocumentView view = documents.upload(
                    caseNumber,
                    material,
                    RequestValues.fileName(FileNames.decode(file.getFileName().orElse("document"))),
                    contentType,
                    content,
                    security.getUserPrincipal().getName(),
                    uploadKey,
                    rolePart == null ? null : rolePart.getContent(String.class));
            URI location = uri.getBaseUriBuilder()
                    .path("documents")
                    .path(Long.toString(view.id()))
                    .build();
            // a repeated upload (same Idempotency-Key) answers 200 with the document the first one made
            return (view.replayed() ? Response.ok().location(location) : Response.created(location))
                    .entity(view)
                    .build();
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "文件上传中断，请重新上传。The upload was interrupted: send it again.", e);
        }
    }

    public record SubmitRequest(String supplementPromisedDate) {}

    @POST
    @Path("{caseNumber}/submit")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @AllowedRoles({Roles.CLERK, Roles.ADMIN})
    @Operation(
            summary =
                    "Send the case to the back office; the system assigns the least-loaded present reviewer with the skill."
                            + " With missing materials only for types that allow a later supplement, with the promised date.")
    public CaseView submit(@PathParam("caseNumber") String caseNumber, SubmitRequest request) throws EarchiveException {
        LocalDate promised = RequestValues.date(request == null ? null : request.supplementPromisedDate());
        return workflow.submit(caseNumber, promised, security.getUserPrincipal().getName());
    }

    private static EntityPart part(List<EntityPart> parts, String name) {
        if (parts == null) {
            return null;
        }
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    }
}
