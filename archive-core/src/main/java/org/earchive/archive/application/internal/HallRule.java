package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;

/**
 * The hall rule, in one place: a caller whose work is one hall's counter (a clerk, a centre manager) sees and changes
 * only the cases that hall accepted, with their documents, dossiers and flags; anything else is answered as if it did
 * not exist ({@code CASE_NOT_FOUND}, {@code DOCUMENT_NOT_FOUND}), so walking sequential numbers reveals nothing.
 * Back office, archive room, audit and administration work across halls. Every service method that takes a case
 * number or a document id from a caller goes through here.
 */
@Stateless
public class HallRule {
    /** Roles whose work spans every hall; a caller with one of them is never confined. */
    private static final List<String> CITY_WIDE = List.of(Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN);

    @Inject
    CaseRepository cases;

    @Inject
    DocumentRepository documents;

    @Inject
    UserAccountRepository accounts;

    @Resource
    EJBContext context;

    /** The hall the caller is confined to, or empty when their work spans halls ("-" for an account without one). */
    public Optional<String> confinement() {
        if (!context.isCallerInRole(Roles.CLERK) && !context.isCallerInRole(Roles.MANAGER)) {
            return Optional.empty();
        }
        for (String role : CITY_WIDE) {
            if (context.isCallerInRole(role)) {
                return Optional.empty();
            }
        }
        return Optional.of(accounts.find(context.getCallerPrincipal().getName())
                .map(UserAccount::hall)
                .filter(h -> !h.isBlank())
                .orElse("-"));
    }

    /** Whether the caller may see the case. */
    public boolean admits(BusinessCase c) {
        return confinement().map(hall -> hall.equals(c.hall())).orElse(true);
    }

    /** The case, if the caller may see it; {@code CASE_NOT_FOUND} otherwise, exactly as for a number never issued. */
    public BusinessCase caseOf(String caseNumber) throws EarchiveException {
        return cases.find(caseNumber).filter(this::admits).orElseThrow(() -> Failures.caseNotFound(caseNumber));
    }

    /** Refuses a case the caller may not see, as if it did not exist. */
    public void admit(BusinessCase c) throws EarchiveException {
        if (!admits(c)) {
            throw Failures.caseNotFound(c.caseNumber());
        }
    }

    /** Refuses an archive record of a case the caller may not see with {@code RECORD_NOT_FOUND}, as for an unknown one. */
    public void record(ArchiveRecord r) throws EarchiveException {
        Optional<String> hall = confinement();
        if (hall.isPresent()
                && cases.findById(r.caseId())
                        .map(c -> !hall.get().equals(c.hall()))
                        .orElse(true)) {
            throw Failures.recordNotFound(r.archiveNumber());
        }
    }

    /** Refuses a document of a case the caller may not see with {@code DOCUMENT_NOT_FOUND}, as for an unknown id. */
    public void document(long documentId) throws EarchiveException {
        Optional<String> hall = confinement();
        if (hall.isEmpty()) {
            return;
        }
        Optional<CaseDocument> d = documents.find(documentId);
        if (d.isEmpty()
                || cases.findById(d.get().caseId())
                        .map(c -> !hall.get().equals(c.hall()))
                        .orElse(true)) {
            throw Failures.documentNotFound(documentId);
        }
    }
}
