package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import org.earchive.archive.application.CaptureService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.CaptureQueueView;
import org.earchive.archive.application.dto.CaptureTask;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server-side capture for the capture workers ({@code ./earchive capture worker}: the station's pipeline in a process of
 * its own, on any node): claim jobs, read each original, send back its PDF/A or the pipeline's coded error.
 */
@RequestScoped
@Path("capture")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "capture", description = "服务端采集: uploads that were not archive-ready, made into PDF/A by capture workers")
public class CaptureResource {
    @EJB
    CaptureService capture;

    public record Failure(String code, String message) {}

    @POST
    @Path("jobs/claim")
    @AllowedRoles({Roles.STATION, Roles.ADMIN})
    @Operation(summary = "Up to `limit` due jobs, leased to the worker `worker` (10 minutes; then another takes them)")
    public List<CaptureTask> claim(
            @QueryParam("worker") @DefaultValue("worker") String worker,
            @QueryParam("limit") @DefaultValue("1") int limit)
            throws EarchiveException {
        return capture.claim(worker, limit);
    }

    @GET
    @Path("jobs/{id}/original")
    @Produces(MediaType.WILDCARD)
    @AllowedRoles({Roles.STATION, Roles.ADMIN})
    @Operation(summary = "The original's bytes, for the worker holding its job (verified against its digest as read)")
    public Response original(@PathParam("id") long id, @QueryParam("worker") @DefaultValue("worker") String worker)
            throws EarchiveException {
        DocumentContent content = capture.original(id, worker);
        StreamingOutput body = out -> {
            try (InputStream in = content.stream()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, content.document().contentType())
                .header("Content-Length", content.document().size())
                .header("ETag", "\"" + content.document().sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @PUT
    @Path("jobs/{id}/result")
    @Consumes("application/pdf")
    @AllowedRoles({Roles.STATION, Roles.ADMIN})
    @Operation(
            summary =
                    "The archival PDF/A made from the original: recorded once as the material's ARCHIVAL copy (a retry"
                            + " gets the same document), the job done")
    public Response result(
            @PathParam("id") long id,
            @QueryParam("worker") @DefaultValue("worker") String worker,
            @QueryParam("pages") @DefaultValue("0") int pages,
            InputStream pdf)
            throws EarchiveException {
        DocumentView v = capture.complete(id, worker, pages, pdf);
        return Response.status(v.replayed() ? 200 : 201).entity(v).build();
    }

    @PUT
    @Path("jobs/{id}/failure")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.STATION, Roles.ADMIN})
    @Operation(
            summary = "The original cannot be made archive-ready: the pipeline's code and message, shown to the clerk")
    public Response failure(
            @PathParam("id") long id, @QueryParam("worker") @DefaultValue("worker") String worker, Failure f)
            throws EarchiveException {
        capture.fail(id, worker, f == null ? null : f.code(), f == null ? null : f.message());
        return Response.noContent().build();
    }

    @GET
    @Path("queue")
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    @Operation(summary = "The capture queue: waiting, running, the oldest waiting, pages and failures in the last hour")
    public CaptureQueueView queue() {
        return capture.queue();
    }
}
