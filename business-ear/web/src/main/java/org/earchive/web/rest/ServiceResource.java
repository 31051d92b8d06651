package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.MaterialAnswer;
import org.earchive.archive.application.dto.RecordView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The integration API for the agency's other business systems (service accounts only, role {@code service}): a
 * person's archive index, a record's metadata and content, and "does this person have a valid archived material of
 * type X". Changes arrive without polling on the JMS topic {@code earchiveEvents} (RECORD_ARCHIVED, RECORD_DISPOSED).
 */
@RequestScoped
@Path("service")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles(Roles.READER)
@Tag(name = "service", description = "业务系统接口: for service accounts of other systems (role service)")
public class ServiceResource {
    @EJB
    ArchiveService archive;

    @Inject
    DocumentResource documents;

    @GET
    @Path("persons/{citizenId}/records")
    @Operation(summary = "A person's archive index (一人一档): every record, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "the records",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "records",
                                            value =
                                                    "[{\"archiveNumber\":\"F001-2026-ZJ-Y-000001\",\"caseNumber\":"
                                                            + "\"C202611300000150\",\"citizenId\":\"11010519491231002X\",\"businessType\":\"ENROLL\",\"material\":\"ID_CARD\","
                                                            + "\"title\":\"id_card.pdf\",\"retention\":\"PERMANENT\",\"legalHold\":false,\"documentId\":152,\"size\":48211,"
                                                            + "\"sha256\":\"9f2c…\",\"sm3\":\"66c7…\",\"archivedAt\":\"2026-11-30T09:12:03Z\",\"restricted\":false}]")))
    @APIResponse(responseCode = "403", description = "the caller is not a service account")
    public List<RecordView> person(@PathParam("citizenId") String citizenId) throws EarchiveException {
        return archive.person(citizenId);
    }

    @GET
    @Path("records/{archiveNumber}")
    @Operation(summary = "A record's metadata: archive number, case, material, retention, digests")
    public RecordView record(@PathParam("archiveNumber") String archiveNumber) throws EarchiveException {
        return archive.record(archiveNumber);
    }

    @GET
    @Path("records/{archiveNumber}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A record's content, exactly as archived (fixity checked while it is read; Digest header)")
    public Response content(@PathParam("archiveNumber") String archiveNumber) throws EarchiveException {
        return documents.content(archive.record(archiveNumber).documentId(), false);
    }

    @GET
    @Path("persons/{citizenId}/materials/{material}")
    @Operation(
            summary =
                    "Whether the person has a valid archived material of this type (not destroyed, retention running)")
    @APIResponse(
            responseCode = "200",
            description = "the answer",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "has an ID card copy",
                                            value =
                                                    "{\"citizenId\":\"110105********002X\",\"material\":"
                                                            + "\"ID_CARD\",\"valid\":true,\"archiveNumber\":\"F001-2026-ZJ-Y-000001\",\"archivedAt\":\"2026-11-30T09:12:03Z\"}")))
    public MaterialAnswer material(@PathParam("citizenId") String citizenId, @PathParam("material") String material)
            throws EarchiveException {
        return archive.material(citizenId, material);
    }
}
