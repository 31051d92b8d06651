package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.FixityAuditService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.CleanupReport;
import org.earchive.archive.application.dto.FixityCoverage;
import org.earchive.archive.application.dto.FixityReport;
import org.earchive.archive.application.dto.FixitySlice;
import org.earchive.archive.application.dto.FixityState;
import org.earchive.archive.application.dto.OrphanSlice;
import org.earchive.archive.application.port.FixityLedger;
import org.earchive.archive.application.port.OrphanLedger;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.RetentionException;
import org.earchive.storage.StorageException;

/**
 * The full pass on demand: reads every referenced object once ({@link ObjectVerifier}), then lists the store's objects
 * that nothing refers to. Runs outside any transaction (the reads are long); findings go to the audit trail one by one
 * and as a summary. The incremental check ({@link FixitySlices}, {@link FixityRounds}) is asked through here too.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultFixityAuditService implements FixityAuditService {
    private static final Logger LOG = Logger.getLogger(DefaultFixityAuditService.class.getName());
    private static final int PAGE = 500;
    /** An object younger than this may belong to an upload still being recorded: not an orphan yet. */
    static final Duration ORPHAN_GRACE = Duration.ofHours(1);

    @EJB
    ObjectReferences references;

    @EJB
    AuditTrail audit;

    @Inject
    ObjectStore store;

    @Inject
    ObjectVerifier verifier;

    @EJB
    FixitySlices slices;

    @EJB
    FixityClaims claims;

    @EJB
    OrphanScan orphanScan;

    @Inject
    Settings settings;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public FixityReport audit() throws EarchiveException {
        Instant started = Instant.now();
        String actor = actor();
        long checked = 0;
        List<FixityReport.Mismatch> mismatches = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String after = "";
        for (List<DocumentRepository.Reference> page = references.page(after, PAGE);
                !page.isEmpty();
                page = references.page(after, PAGE)) {
            for (DocumentRepository.Reference ref : page) {
                checked++;
                verifier.check(ref).ifPresent(reason -> {
                    if (reason.equals(ObjectVerifier.MISSING)) {
                        missing.add(ref.key());
                        audit.record(
                                actor,
                                AuditAction.OBJECT_MISSING,
                                ref.key(),
                                "referenced by the database, absent from the store");
                    } else {
                        mismatches.add(new FixityReport.Mismatch(ref.key(), reason));
                        audit.record(actor, AuditAction.FIXITY_MISMATCH, ref.key(), reason);
                    }
                });
            }
            after = page.get(page.size() - 1).key();
        }
        List<String> orphans = orphans(started.minus(ORPHAN_GRACE));
        claims.orphansFound(
                orphans.stream().map(k -> new OrphanLedger.Orphan(k, null)).toList());
        FixityReport report = new FixityReport(started, Instant.now(), checked, mismatches, missing, orphans);
        audit.record(
                actor,
                AuditAction.FIXITY_AUDIT,
                store.describe().replaceFirst("^filesystem:.*", "filesystem"),
                checked + " checked, " + mismatches.size() + " mismatches, " + missing.size() + " missing, "
                        + orphans.size() + " orphans");
        LOG.info(() -> "Fixity audit: " + report.checked() + " checked, " + mismatches.size() + " mismatches, "
                + missing.size() + " missing, " + orphans.size() + " orphans");
        return report;
    }

    private List<String> orphans(Instant olderThan) throws EarchiveException {
        List<String> orphans = new ArrayList<>();
        try (Stream<String> keys = store.keys()) {
            Iterator<String> it = keys.iterator();
            List<String> batch = new ArrayList<>(PAGE);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == PAGE || !it.hasNext()) {
                    Set<String> referenced = references.referenced(batch);
                    for (String key : batch) {
                        if (!referenced.contains(key) && storedBefore(key, olderThan)) {
                            orphans.add(key);
                        }
                    }
                    batch.clear();
                }
            }
        } catch (StorageException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "Could not list the object store: " + e.getMessage(), e);
        }
        return orphans;
    }

    private boolean storedBefore(String key, Instant olderThan) throws StorageException {
        return store.stat(key).map(o -> o.storedAt().isBefore(olderThan)).orElse(false);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public FixitySlice slice(int objects) throws EarchiveException {
        return slices.run(Math.max(1, Math.min(objects, 10_000)), actor());
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public FixityCoverage coverage() {
        Instant now = Instant.now();
        Duration cycle = settings.fixity().cycle();
        FixityLedger.Coverage c = claims.coverage(now.minus(cycle), now);
        return new FixityCoverage(
                cycle.toDays(),
                c.objects(),
                c.verifiedInCycle(),
                c.objects() == 0 ? 100.0 : Math.floor(1000.0 * c.verifiedInCycle() / c.objects()) / 10,
                c.neverVerified(),
                c.dueNow(),
                c.oldestVerification(),
                c.failingCount(),
                c.failing().stream()
                        .map(f -> new FixityCoverage.Failing(
                                f.objectKey(), f.outcome().name(), f.detail(), f.at()))
                        .toList(),
                orphanScan());
    }

    private FixityCoverage.OrphanScan orphanScan() {
        OrphanLedger.Scan scan = claims.orphanScan();
        return new FixityCoverage.OrphanScan(
                scan.passStartedAt(),
                scan.scanned(),
                scan.passes(),
                scan.lastPassEndedAt(),
                scan.lastPassScanned(),
                claims.orphanCount(),
                claims.orphans(20).stream().map(OrphanLedger.Orphan::key).toList());
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public OrphanSlice orphanSlice(int keys) throws EarchiveException {
        return orphanScan.slice(Math.max(1, Math.min(keys, 10_000)));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Optional<FixityState> state(String objectKey) {
        return claims.entry(objectKey)
                .map(e -> new FixityState(
                        e.objectKey(),
                        e.dueAt(),
                        e.verifiedAt(),
                        e.outcome() == null ? null : e.outcome().name(),
                        e.detail()));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public int recheck(List<String> objectKeys) throws EarchiveException {
        if (objectKeys == null || objectKeys.isEmpty() || objectKeys.size() > 10_000) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "Give 1 to 10,000 object keys as {\"keys\": [\"sha256/…\"]}.");
        }
        return claims.dueNow(objectKeys);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CleanupReport removeOrphans() throws EarchiveException {
        String actor = actor();
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        // the orphans the scans recorded (the slices' and the full audit's), each checked again just before deleting
        for (OrphanLedger.Orphan orphan : claims.orphans(10_000)) {
            String key = orphan.key();
            try {
                if (!references.referenced(List.of(key)).isEmpty()) {
                    claims.orphansCleared(List.of(key)); // referenced again (the same bytes uploaded since)
                    continue;
                }
                store.delete(key);
                removed.add(key);
                claims.orphansCleared(List.of(key));
                audit.record(actor, AuditAction.ORPHAN_REMOVED, key, "no row refers to it");
            } catch (ObjectNotFoundException e) {
                claims.orphansCleared(List.of(key));
            } catch (RetentionException e) {
                kept.add(key);
            } catch (StorageException e) {
                throw new EarchiveException(
                        ErrorCode.STORAGE_UNAVAILABLE, "Could not remove " + key + ": " + e.getMessage(), e);
            }
        }
        return new CleanupReport(removed, kept);
    }

    private String actor() {
        return context.getCallerPrincipal() == null
                ? "system"
                : context.getCallerPrincipal().getName();
    }
}
