package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.TransferService;
import org.earchive.archive.application.dto.TransferEntryView;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.transfer.TransferEntry;

/**
 * Transfer packages out and in. Export pages through the records (bounded memory whatever their number), copies each
 * object from the store once (its fixity checked on the way) and validates every XML description against the published
 * schema before it enters the package. Import verifies everything first — the bag, every digest, every description,
 * the four-property check of every file — and writes nothing unless all of it passed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTransferService implements TransferService {
    @Inject
    Settings settings;

    @EJB
    TransferImport importer;

    @EJB
    PackageReceiving receiving;

    @EJB
    TransferExport exporter;

    @EJB
    PackageCheck packageCheck;

    @EJB
    AuditTrail auditTrail;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public TransferReport export(TransferScope scope, OutputStream out) throws EarchiveException {
        return exporter.export(scope, out);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public TransferReport verify(Path packageFile) throws EarchiveException {
        try (PackageCheck.Checked checked = packageCheck.check(packageFile)) {
            return checked.report(checked.problems.isEmpty() ? "VERIFIED" : "REJECTED", null, 0, 0, List.of());
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public void delivered(String packageId, String receiver, String outcome, int records, String detail)
            throws EarchiveException {
        TransferEntry.Outcome o;
        try {
            o = TransferEntry.Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "outcome must be DELIVERED or REFUSED");
        }
        String actor = context.getCallerPrincipal().getName();
        importer.register(new TransferEntry(
                packageId,
                TransferEntry.Direction.EXPORT,
                o,
                "delivery to " + receiver,
                settings.fonds(),
                receiver,
                records,
                null,
                null,
                actor,
                Instant.now(),
                detail));
        auditTrail.record(actor, AuditAction.TRANSFER_EXPORTED, packageId, o + " to " + receiver + ": " + detail);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN, Roles.SERVICE})
    public TransferReport receive(Path packageFile, String intoFonds) throws EarchiveException {
        String actor = context.getCallerPrincipal().getName();
        String fonds = intoFonds == null || intoFonds.isBlank() ? settings.fonds() : intoFonds.strip();
        if (!fonds.matches("[A-Z0-9]{1,16}")) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "全宗号应为 1–16 位大写字母或数字。A fonds code is 1 to 16 capitals or digits.");
        }
        // one import at a time per server; the unique source index guards a cluster
        synchronized (DefaultTransferService.class) {
            return receiving.receive(packageFile, fonds, actor);
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public List<TransferEntryView> register(int limit) {
        return importer.entries(Math.max(1, Math.min(limit, 500))).stream()
                .map(t -> new TransferEntryView(
                        t.id(),
                        t.packageId(),
                        t.direction(),
                        t.outcome(),
                        t.scope(),
                        t.sourceOffice(),
                        t.targetOffice(),
                        t.recordCount(),
                        t.payloadOxum(),
                        t.tagmanifestSha256(),
                        t.actor(),
                        t.at(),
                        t.report()))
                .toList();
    }
}
