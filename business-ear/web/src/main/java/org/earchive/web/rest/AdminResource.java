package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.earchive.archive.application.BackupService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.FixityAuditService;
import org.earchive.archive.application.MonitoringService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.SearchService;
import org.earchive.archive.application.StorageAdministration;
import org.earchive.archive.application.WorkflowService;
import org.earchive.archive.application.dto.BackupReport;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.CleanupReport;
import org.earchive.archive.application.dto.FixityReport;
import org.earchive.archive.application.dto.ReconcileReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operations")
public class AdminResource {
    @EJB
    BackupService backups;

    @EJB
    FixityAuditService fixity;

    @EJB
    StorageAdministration storage;

    @EJB
    WorkflowService workflow;

    @EJB
    MonitoringService monitoring;

    @Context
    SecurityContext security;

    public record RotationReport(long rewrapped) {}

    public record BackupRequest(String directory) {}

    @POST
    @Path("backup")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "Hot backup of the embedded default (database, index, objects) into a folder on the server")
    public BackupReport backup(BackupRequest request) throws EarchiveException {
        if (request == null
                || request.directory() == null
                || request.directory().isBlank()) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "Give the target folder as {\"directory\": \"/path\"}.");
        }
        return backups.backup(request.directory());
    }

    @POST
    @Path("fixity-audit")
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    @Operation(
            summary =
                    "Re-read every archived object, recompute SHA-256 and SM3, and list mismatches, missing and orphan objects"
                            + " (also recorded in the audit trail)")
    public FixityReport fixityAudit() throws EarchiveException {
        return fixity.audit();
    }

    @POST
    @Path("daily-summary")
    @AllowedRoles(Roles.ADMIN)
    @Operation(
            summary = "Publish the daily summary event now (overdue cases, promises due and overdue); the schedule does"
                    + " every morning at 07:30")
    public JsonObject dailySummary() {
        return monitoring.publishDailySummary();
    }

    @POST
    @Path("orphan-cleanup")
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "Remove objects that nothing refers to and that are older than one hour (never retained ones)")
    public CleanupReport orphanCleanup() throws EarchiveException {
        return fixity.removeOrphans();
    }

    @POST
    @Path("rotate-keys")
    @AllowedRoles(Roles.ADMIN)
    @Operation(
            summary = "Re-wrap every object's data key under the current master key (put the new key first in"
                    + " EARCHIVE_MASTER_KEYS and restart, then call this; objects are not rewritten)")
    public RotationReport rotateKeys() throws EarchiveException {
        return new RotationReport(storage.rotateKeys());
    }

    public record ReassignRequest(String reviewer) {}

    public record ReindexReport(long records) {}

    @EJB
    SearchService search;

    @POST
    @Path("reindex")
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "Rebuild the search index from the database (./earchive admin reindex)")
    public ReindexReport reindex() throws EarchiveException {
        return new ReindexReport(search.reindex());
    }

    @POST
    @Path("reconcile")
    @AllowedRoles(Roles.ADMIN)
    @Operation(
            summary = "Compare the search index with the database and index what it lacks (./earchive admin reconcile)")
    public ReconcileReport reconcile() throws EarchiveException {
        return search.reconcile();
    }

    @POST
    @Path("cases/{caseNumber}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "Move an assigned case to another reviewer")
    public CaseView reassign(@PathParam("caseNumber") String caseNumber, ReassignRequest request)
            throws EarchiveException {
        if (request == null || request.reviewer() == null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "Send {\"reviewer\": \"user name\"}.");
        }
        return workflow.reassign(
                caseNumber, request.reviewer(), security.getUserPrincipal().getName());
    }
}
