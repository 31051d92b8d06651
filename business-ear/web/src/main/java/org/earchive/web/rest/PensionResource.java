package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.pension.PensionDetermination;
import org.earchive.pension.PensionRequest;
import org.earchive.pension.PensionService;
import org.earchive.pension.PensionTransferService;
import org.earchive.pension.TransferDelivery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("pension")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pension", description = "基本养老金核定: computed from the applicant's archived evidence")
public class PensionResource {
    @EJB
    PensionService pension;

    @EJB
    PensionTransferService transfers;

    /** Where to send: a receiving office's code from EARCHIVE_TRANSFER_RECEIVERS. */
    public record SendRequest(String receiver) {}

    @POST
    @Path("transfers/{caseNumber}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.ARCHIVIST, Roles.ADMIN})
    @Operation(
            summary =
                    "Pension transfer: sends the applicant's archive of an approved TRANSFER case to the receiving"
                            + " office as a transfer package; answers with the receiver's verification and import (REFUSED names each problem)")
    public TransferDelivery send(@PathParam("caseNumber") String caseNumber, SendRequest request)
            throws EarchiveException {
        return transfers.send(caseNumber, request == null ? null : request.receiver());
    }

    @POST
    @Path("cases/{caseNumber}/determination")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.REVIEWER)
    @Operation(
            summary =
                    "Computes the monthly basic pension of a PENSION / PENSION_BACKPAY case assigned to the caller and"
                            + " files the computation sheet (PDF/A) in its dossier; 409 EVIDENCE_MISSING names each missing material")
    public PensionDetermination determine(@PathParam("caseNumber") String caseNumber, PensionRequest request)
            throws EarchiveException {
        return pension.determine(caseNumber, request);
    }
}
