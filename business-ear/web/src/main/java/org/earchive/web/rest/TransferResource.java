package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.TransferService;
import org.earchive.archive.application.dto.TransferEntryView;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Electronic transfer packages over HTTP: export (a zipped BagIt bag), verify and import. A package is spooled to
 * the server's disk first (bounded memory, its own size limit) and removed when the request ends.
 */
@RequestScoped
@Path("transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transfer", description = "电子档案移交: BagIt packages out to and in from other offices")
public class TransferResource {
    @Inject
    Settings settings;

    static final String ZIP = "application/zip";

    @EJB
    TransferService transfers;

    /** What to export: {@code scope} DOSSIER (caseNumber), PERSON (citizenId) or PERIOD (from, to, ISO instants). */
    public record ExportRequest(String scope, String caseNumber, String citizenId, String from, String to) {}

    @POST
    @Path("exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(
            summary =
                    "Exports a dossier, a person's archive or a period as a BagIt package (zip); registered and audited")
    public Response export(ExportRequest request) throws EarchiveException {
        TransferScope scope = scope(request);
        java.nio.file.Path file = spoolFile();
        TransferReport report;
        try (OutputStream out = Files.newOutputStream(file)) {
            report = transfers.export(scope, out);
        } catch (IOException | EarchiveException | RuntimeException e) {
            delete(file);
            if (e instanceof EarchiveException ee) {
                throw ee;
            }
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "The package could not be written: " + e.getMessage(), e);
        }
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                delete(file);
            }
        };
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + report.packageId() + ".zip\"")
                .header("X-Earchive-Package", report.packageId())
                .header("X-Earchive-Records", report.records())
                .header("X-Earchive-Tagmanifest-Sha256", report.tagManifestSha256())
                .build();
    }

    @POST
    @Path("verify")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(
            summary =
                    "Verifies a package (bag, digests, XML against the schema, four-property check) without importing")
    public Response verify(InputStream body) throws EarchiveException {
        java.nio.file.Path file = spool(body);
        try {
            TransferReport report = transfers.verify(file);
            return Response.status(report.accepted() ? 200 : 422).entity(report).build();
        } finally {
            delete(file);
        }
    }

    @POST
    @Path("imports")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN, Roles.SERVICE})
    @Operation(
            summary =
                    "Imports a package after verifying all of it; rejected whole (422, every problem named) or imported"
                            + " under this archive's own numbers; a package imported before adds nothing")
    public Response receive(InputStream body, @QueryParam("fonds") String fonds) throws EarchiveException {
        java.nio.file.Path file = spool(body);
        try {
            TransferReport report = transfers.receive(file, fonds);
            int status = !report.accepted() ? 422 : report.imported() > 0 ? 201 : 200;
            return Response.status(status).entity(report).build();
        } finally {
            delete(file);
        }
    }

    @GET
    @Path("register.pdf")
    @Produces(Printouts.MEDIA)
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The transfer register (移交登记簿) to print, as PDF/A with the agency's header")
    public Response registerPrint(
            @QueryParam("limit") @DefaultValue("100") int limit, @Context SecurityContext security)
            throws EarchiveException {
        return Printouts.inline(
                Printouts.transfers(
                        transfers.register(limit), security.getUserPrincipal().getName()),
                "移交登记簿.pdf");
    }

    @GET
    @Path("register")
    @AllowedRoles({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The transfer register (移交登记): every package out, in or refused, newest first")
    public List<TransferEntryView> register(@QueryParam("limit") @DefaultValue("100") int limit)
            throws EarchiveException {
        return transfers.register(limit);
    }

    static TransferScope scope(ExportRequest r) throws EarchiveException {
        if (r == null || r.scope() == null) {
            throw invalid("Give scope DOSSIER (caseNumber), PERSON (citizenId) or PERIOD (from, to).");
        }
        try {
            return switch (TransferScope.Kind.valueOf(r.scope().strip().toUpperCase())) {
                case DOSSIER -> TransferScope.dossier(require(r.caseNumber(), "caseNumber"));
                case PERSON -> TransferScope.person(require(r.citizenId(), "citizenId"));
                case PERIOD ->
                    TransferScope.period(
                            Instant.parse(require(r.from(), "from")), Instant.parse(require(r.to(), "to")));
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid(
                    "scope must be DOSSIER, PERSON or PERIOD; from and to are instants such as 2026-01-01T00:00:00Z.");
        }
    }

    private static String require(String value, String name) throws EarchiveException {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required for this scope.");
        }
        return value.strip();
    }

    private static EarchiveException invalid(String message) {
        return new EarchiveException(ErrorCode.INVALID_REQUEST, "移交范围不正确。" + message);
    }

    private java.nio.file.Path spoolFile() throws EarchiveException {
        try {
            java.nio.file.Path dir = settings.spoolDirectory().resolve("transfer");
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "package-", ".zip");
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "No room to spool the package: " + e.getMessage(), e);
        }
    }

    private java.nio.file.Path spool(InputStream body) throws EarchiveException {
        long limit = settings.transferMaxBytes();
        java.nio.file.Path file = spoolFile();
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new EarchiveException(
                            ErrorCode.FILE_TOO_LARGE,
                            "移交包超过上限。The package is larger than " + limit
                                    + " bytes (EARCHIVE_TRANSFER_MAX_BYTES): split it by period or person.");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new EarchiveException(ErrorCode.EMPTY_FILE, "没有收到移交包。The request carried no package.");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "The package upload was interrupted: send it again.", e);
        } catch (EarchiveException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the spool folder is cleaned at start
        }
    }
}
