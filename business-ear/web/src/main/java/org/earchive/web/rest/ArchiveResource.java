package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.PropertyCheckService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.SearchService;
import org.earchive.archive.application.dto.PropertyCheckView;
import org.earchive.archive.application.dto.RecordView;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("archive")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Archive records: by number, by case (一事一档), by person (一人一档)")
public class ArchiveResource {
    @EJB
    ArchiveService archive;

    @EJB
    PropertyCheckService propertyChecks;

    @EJB
    SearchService search;

    @GET
    @Path("records/{archiveNumber}")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER})
    @Operation(summary = "One archived item: archive number, retention, digests")
    public RecordView record(@PathParam("archiveNumber") String archiveNumber) throws EarchiveException {
        return archive.record(archiveNumber);
    }

    @GET
    @Path("persons/{citizenId}")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER})
    @Operation(summary = "Everything archived about one citizen ID (一人一档)")
    public List<RecordView> person(@PathParam("citizenId") String citizenId) throws EarchiveException {
        return archive.person(citizenId);
    }

    @GET
    @Path("dossiers/{caseNumber}")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER, Roles.CLERK})
    @Operation(summary = "The dossier of one case (一事一档)")
    public List<RecordView> dossier(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return archive.dossier(caseNumber);
    }

    @GET
    @Path("search")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER, Roles.CLERK})
    @Operation(
            summary =
                    "Full text (Chinese word segmentation) and filters over archived records: q, citizenId, name, businessType,"
                            + " archiveNumber, category, from/to (yyyy-MM-dd), page, size; hits carry highlights. Clerks see their"
                            + " own hall's records only.")
    public SearchResultView search(
            @QueryParam("q") String q,
            @QueryParam("citizenId") String citizenId,
            @QueryParam("name") String name,
            @QueryParam("businessType") String businessType,
            @QueryParam("archiveNumber") String archiveNumber,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size)
            throws EarchiveException {
        return search.search(new SearchRequest(
                q,
                citizenId,
                name,
                businessType,
                archiveNumber,
                category,
                RequestValues.date(from),
                RequestValues.date(to),
                RequestValues.page(page),
                RequestValues.size(size)));
    }

    public record HoldRequest(String reason) {}

    public record RestrictionRequest(Boolean restricted, String reason) {}

    @POST
    @Path("dossiers/{caseNumber}/archive")
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(
            summary =
                    "Archives an approved case again after its four-property check failed and the cause was corrected")
    public List<RecordView> archive(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return archive.archive(caseNumber);
    }

    @POST
    @Path("dossiers/{caseNumber}/checks")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Runs the four-property check (DA/T 70) over a dossier now; the report is stored with it")
    public PropertyCheckView check(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return propertyChecks.checkDossier(caseNumber);
    }

    @GET
    @Path("dossiers/{caseNumber}/checks")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "The stored four-property reports of a dossier, newest first")
    public List<PropertyCheckView> dossierChecks(@PathParam("caseNumber") String caseNumber) throws EarchiveException {
        return propertyChecks.dossierChecks(caseNumber);
    }

    @GET
    @Path("records/{archiveNumber}/checks")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "The stored four-property reports of a record's dossier, newest first")
    public List<PropertyCheckView> checks(@PathParam("archiveNumber") String archiveNumber) throws EarchiveException {
        return propertyChecks.checks(archiveNumber);
    }

    @GET
    @Path("checks/{id}")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "One four-property report: every item checked, passed or failed, with the reason")
    public PropertyCheckView report(@PathParam("id") long id) throws EarchiveException {
        return propertyChecks.checkReport(id);
    }

    @PUT
    @Path("records/{archiveNumber}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(summary = "Places a legal hold (with a reason): the record is never listed for disposal while held")
    public RecordView hold(@PathParam("archiveNumber") String archiveNumber, HoldRequest request)
            throws EarchiveException {
        RequestValues.text("reason", request == null ? null : request.reason(), RequestValues.COMMENT);
        return archive.hold(archiveNumber, true, request == null ? null : request.reason());
    }

    @DELETE
    @Path("records/{archiveNumber}/hold")
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(summary = "Releases a legal hold")
    public RecordView release(@PathParam("archiveNumber") String archiveNumber) throws EarchiveException {
        return archive.hold(archiveNumber, false, null);
    }

    @PUT
    @Path("records/{archiveNumber}/restriction")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(summary = "Restricts a record (its content then needs an approved borrowing) or opens it again")
    public RecordView restrict(@PathParam("archiveNumber") String archiveNumber, RestrictionRequest request)
            throws EarchiveException {
        if (request == null || request.restricted() == null) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "Send {\"restricted\": true|false, \"reason\": \"…\"}.");
        }
        RequestValues.text("reason", request.reason(), RequestValues.COMMENT);
        return archive.restrict(archiveNumber, request.restricted(), request.reason());
    }
}
