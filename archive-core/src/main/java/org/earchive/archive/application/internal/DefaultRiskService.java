package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.RiskService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.CaseEvidence;
import org.earchive.archive.application.dto.CaseFlagView;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.dto.Sighting;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.outbox.OutboxMessage;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.risk.CaseFlag;
import org.earchive.archive.domain.model.risk.CaseFlagRepository;

@Stateless
public class DefaultRiskService implements RiskService {
    private static final Logger LOG = Logger.getLogger(DefaultRiskService.class.getName());
    static final String SYSTEM = "risk";
    /** Sightings of one file reported per digest (the oldest first). */
    static final int SIGHTINGS = 20;

    @Inject
    CaseRepository cases;

    @Inject
    DocumentRepository documents;

    @Inject
    ArchiveRepository archive;

    @Inject
    SearchIndex index;

    @EJB
    DocumentTexts texts;

    @EJB
    HallRule hall;

    @EJB
    AuditTrail audit;

    @Inject
    CaseFlagRepository flags;

    @EJB
    Outbox outbox;

    @Override
    @RolesAllowed({Roles.REVIEWER, Roles.MANAGER, Roles.ADMIN, Roles.ARCHIVIST, Roles.AUDITOR, Roles.CLERK})
    public List<CaseFlagView> flags(String caseNumber) throws EarchiveException {
        hall.caseOf(caseNumber);
        return flags.byCase(caseNumber).stream().map(DefaultRiskService::view).toList();
    }

    @Override
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    public List<CaseFlagView> recent(int limit) {
        return flags.recent(Math.max(1, Math.min(limit, 500))).stream()
                .map(DefaultRiskService::view)
                .toList();
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CaseEvidence evidence(String caseNumber, Set<String> textOf) throws EarchiveException {
        BusinessCase c = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        List<CaseEvidence.Item> items = new ArrayList<>();
        for (CaseDocument d : documents.findByCase(c.id())) {
            if (CaseDocument.ARCHIVAL.equals(d.role())) {
                String text = textOf.contains(d.materialCode()) ? texts.of(d.id()) : "";
                items.add(new CaseEvidence.Item(
                        d.id(), d.materialCode(), d.fileName(), d.sha256(), text, CitizenIdsInText.in(text)));
            }
        }
        return new CaseEvidence(
                c.caseNumber(),
                c.businessType(),
                c.status().name(),
                c.applicant().idNumber(),
                items);
    }

    @Override
    @PermitAll
    public Map<String, List<Sighting>> sameContent(Collection<String> sha256s, String exceptCase)
            throws EarchiveException {
        Map<String, List<Sighting>> out = new LinkedHashMap<>();
        List<String> digests = sha256s.stream().distinct().toList();
        if (digests.isEmpty()) {
            return out;
        }
        BusinessCase self = cases.find(exceptCase).orElseThrow(() -> Failures.caseNotFound(exceptCase));
        // One query for all of a case's documents (the risk module asks at every submission, at the counter's peak). A
        // full answer may hold one digest's rows only; then each digest is asked on its own, so every one gets its 20.
        int limit = SIGHTINGS * digests.size();
        List<DocumentRepository.Sighting> rows = sightings(digests, exceptCase, limit);
        if (rows.size() == limit && digests.size() > 1) {
            rows = new ArrayList<>();
            for (String digest : digests) {
                rows.addAll(sightings(List.of(digest), exceptCase, SIGHTINGS));
            }
        }
        Map<Long, List<ArchiveRecord>> recordsOf = new HashMap<>(); // a case's rows share one lookup
        for (DocumentRepository.Sighting row : rows) {
            BusinessCase c = row.businessCase();
            CaseDocument d = row.document();
            List<Sighting> seen = out.computeIfAbsent(d.sha256(), k -> new ArrayList<>());
            if (seen.size() >= SIGHTINGS) {
                continue;
            }
            String number = recordsOf.computeIfAbsent(c.id(), archive::byCase).stream()
                    .filter(r -> r.documentId().equals(d.id()))
                    .map(ArchiveRecord::archiveNumber)
                    .findFirst()
                    .orElse(null);
            seen.add(new Sighting(
                    c.caseNumber(),
                    c.businessType(),
                    d.materialCode(),
                    number,
                    CitizenId.mask(c.applicant().idNumber()),
                    c.applicant().idNumber().equals(self.applicant().idNumber())));
        }
        return out;
    }

    /** Documents (with their cases) holding one of these digests in other cases, oldest first. */
    private List<DocumentRepository.Sighting> sightings(List<String> digests, String exceptCase, int limit) {
        return documents.withDigests(digests, exceptCase, limit);
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Sighting> sameText(String phrase, String exceptCase) throws EarchiveException {
        BusinessCase self = cases.find(exceptCase).orElseThrow(() -> Failures.caseNotFound(exceptCase));
        Map<String, Sighting> out = new LinkedHashMap<>();
        try {
            SearchResultView page =
                    index.search(new SearchRequest(phrase, null, null, null, null, null, null, null, 0, 20), null);
            for (SearchResultView.Hit hit : page.hits()) {
                if (hit.caseNumber().equals(exceptCase) || out.containsKey(hit.archiveNumber())) {
                    continue;
                }
                ArchiveRecord r = archive.find(hit.archiveNumber()).orElse(null);
                if (r == null
                        || r.disposedAt() != null
                        || !texts.of(r.documentId()).contains(phrase)) {
                    continue; // the words matched, the number itself did not: not the same certificate
                }
                BusinessCase c = cases.findById(r.caseId()).orElseThrow();
                out.put(
                        r.archiveNumber(),
                        new Sighting(
                                c.caseNumber(),
                                c.businessType(),
                                r.materialCode(),
                                r.archiveNumber(),
                                CitizenId.mask(r.citizenId()),
                                r.citizenId().equals(self.applicant().idNumber())));
            }
        } catch (IOException e) {
            LOG.warning("Risk detection could not search the archive: " + e.getMessage());
        }
        return List.copyOf(out.values());
    }

    @Override
    @PermitAll
    public CaseFlagView raise(String caseNumber, String kind, String evidenceKey, String evidence, String otherCase)
            throws EarchiveException {
        Optional<CaseFlag> existing = flags.find(caseNumber, kind, evidenceKey);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        BusinessCase flagged = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        CaseFlag flag = new CaseFlag(caseNumber, kind, evidenceKey, evidence, otherCase, Instant.now(), SYSTEM);
        flags.store(flag);
        audit.record(SYSTEM, AuditAction.CASE_FLAGGED, caseNumber, kind + ": " + evidence);
        var details = Json.createObjectBuilder()
                .add("kind", kind)
                .add("evidence", evidence == null ? "" : evidence)
                .add("raisedAt", flag.raisedAt().toString());
        if (otherCase != null) {
            details.add("otherCase", otherCase);
        }
        outbox.event(OutboxMessage.Kind.CASE_FLAGGED, caseNumber, flagged.businessType(), details.build());
        return view(flag);
    }

    static CaseFlagView view(CaseFlag f) {
        return new CaseFlagView(
                f.id(), f.caseNumber(), f.kind(), f.evidence(), f.otherCase(), f.raisedAt(), f.raisedBy());
    }
}
