package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.FixityPolicy;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.FixitySlice;
import org.earchive.archive.application.port.FixityLedger.Outcome;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.document.DocumentRepository.Reference;

/**
 * The incremental fixity check: a node claims the most overdue objects (other nodes skip them), reads each whole at no
 * more than the policy's rate, and records the outcome with the next due date one cycle later. Reads run outside any
 * transaction; a failure of the store ends the slice and leaves the rest claimed until the lease expires.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FixitySlices {
    /**
     * A new object is first read back a day after it was stored (its digests were computed as it arrived; the next
     * day's read shows what the store really kept), then once per cycle.
     */
    static final Duration FIRST_CHECK = Duration.ofDays(1);

    /** A claimed object not verified within this falls due again (its node died, or the store stopped answering). */
    static final Duration LEASE = Duration.ofMinutes(10);

    @EJB
    FixityClaims claims;

    @EJB
    ObjectReferences references;

    @EJB
    AuditTrail audit;

    @Inject
    ObjectVerifier verifier;

    @Inject
    Settings settings;

    /** Verifies up to {@code objects} due objects; {@code actor} is named in the audit trail for what fails. */
    public FixitySlice run(int objects, String actor) throws EarchiveException {
        FixityPolicy policy = settings.fixity();
        long started = System.nanoTime();
        Instant now = Instant.now();
        List<String> keys = claims.claim(now, objects, now.plus(LEASE), JobTicks.NODE);
        List<Reference> refs = keys.isEmpty() ? List.of() : references.of(keys);
        Set<String> live = new HashSet<>();
        refs.forEach(r -> live.add(r.key()));
        List<String> gone = keys.stream().filter(k -> !live.contains(k)).toList();
        if (!gone.isEmpty()) {
            claims.forget(gone);
        }
        Map<String, FixityClaims.Result> results = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        long bytes = 0;
        try {
            for (Reference ref : refs) {
                Optional<String> problem = verifier.check(ref);
                bytes += ref.size();
                if (problem.isEmpty()) {
                    results.put(ref.key(), new FixityClaims.Result(Outcome.OK, null));
                } else if (problem.get().equals(ObjectVerifier.MISSING)) {
                    missing.add(ref.key());
                    results.put(ref.key(), new FixityClaims.Result(Outcome.MISSING, "absent from the store"));
                    audit.record(
                            actor,
                            AuditAction.OBJECT_MISSING,
                            ref.key(),
                            "referenced by the database, absent" + " from the store (incremental check)");
                } else {
                    mismatches.add(ref.key());
                    results.put(ref.key(), new FixityClaims.Result(Outcome.MISMATCH, problem.get()));
                    audit.record(actor, AuditAction.FIXITY_MISMATCH, ref.key(), problem.get());
                }
                pace(bytes, started, policy.bytesPerSecond());
            }
        } finally {
            // what was verified before a failure of the store counts; the rest falls due when its lease ends
            if (!results.isEmpty()) {
                Instant at = Instant.now();
                claims.verified(results, at, at.plus(policy.cycle()));
            }
        }
        return new FixitySlice(
                JobTicks.NODE,
                results.size(),
                bytes,
                (System.nanoTime() - started) / 1e9,
                mismatches,
                missing,
                gone.size());
    }

    /** Sleeps as long as the bytes read so far are ahead of the rate allowed since {@code started}. */
    static void pace(long bytes, long started, long bytesPerSecond) {
        long due = started + (long) (bytes * 1e9 / bytesPerSecond);
        long ahead = due - System.nanoTime();
        if (ahead > 1_000_000) {
            try {
                Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
