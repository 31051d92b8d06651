package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.FixityAuditService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.FixityCoverage;
import org.earchive.archive.application.dto.FixitySlice;
import org.earchive.archive.application.dto.FixityState;
import org.earchive.archive.application.dto.OrphanSlice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The incremental fixity check: its coverage, one object's state, a slice run now, objects made due again. */
@RequestScoped
@Path("admin/fixity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operations")
public class FixityResource {
    @EJB
    FixityAuditService fixity;

    public record Recheck(List<String> keys) {}

    @GET
    @Path("coverage")
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "The current cycle's coverage: objects verified within the cycle, never verified, due now, the"
                    + " oldest verification, the objects whose last verification failed")
    public FixityCoverage coverage() {
        return fixity.coverage();
    }

    @GET
    @Path("object")
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One object's last verification (time, outcome) and when it is next due")
    public FixityState object(@QueryParam("key") String key) throws EarchiveException {
        if (key == null || key.isBlank()) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "Give the object's key: ?key=sha256/…");
        }
        return fixity.state(key)
                .orElseThrow(() -> new EarchiveException(
                        ErrorCode.DOCUMENT_NOT_FOUND, "No live document refers to the object " + key + "."));
    }

    @POST
    @Path("slice")
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Verify up to `objects` due objects now on this node (the incremental check runs by itself each"
                    + " minute on every node; this is for operators and tests)")
    public FixitySlice slice(@QueryParam("objects") @DefaultValue("100") int objects) throws EarchiveException {
        return fixity.slice(objects);
    }

    @POST
    @Path("orphan-slice")
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    @Operation(
            summary =
                    "Scan the next `keys` keys of the store for orphans, where the last slice stopped (the scan runs by"
                            + " itself each minute on one node; this is for operators and tests)")
    public OrphanSlice orphanSlice(@QueryParam("keys") @DefaultValue("1000") int keys) throws EarchiveException {
        return fixity.orphanSlice(keys);
    }

    @POST
    @Path("recheck")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Make these objects due now, e.g. after a disk was replaced: {\"keys\": [\"sha256/…\"]}")
    public Map<String, Integer> recheck(Recheck request) throws EarchiveException {
        return Map.of("due", fixity.recheck(request == null ? null : request.keys()));
    }
}
