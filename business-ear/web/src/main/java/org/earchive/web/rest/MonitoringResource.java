package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.earchive.archive.application.MonitoringService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.MonitoringView;
import org.earchive.archive.application.dto.NodeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "monitoring", description = "Live counts for the monitoring screen")
public class MonitoringResource {
    @EJB
    MonitoringService monitoring;

    @GET
    @Path("summary")
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    @Operation(
            summary = "Today's cases by channel and hall, backlog by state, overdue cases, reviewer load, archiving"
                    + " blocked by the four-property check, records and bytes archived")
    public MonitoringView summary() {
        return monitoring.summary();
    }

    @GET
    @Path("node")
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    @Operation(
            summary = "This node's name, how long its audited changes waited for the audit chain's head row"
                    + " (a histogram in microseconds that adds up across nodes), its heap, open files and threads")
    public NodeView node() {
        return monitoring.node();
    }
}
