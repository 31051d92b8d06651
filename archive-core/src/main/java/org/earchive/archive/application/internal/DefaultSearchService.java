package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.SearchService;
import org.earchive.archive.application.dto.ReconcileReport;
import org.earchive.archive.application.dto.SearchRequest;
import org.earchive.archive.application.dto.SearchResultView;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.record.ArchiveRecord;

/**
 * Search over the index, which is rebuilt from the database at will. The request and the hits keep one shape from
 * the web to the index ({@link SearchRequest} in, {@link SearchResultView} out); this service only adds the caller's
 * hall and hides what the caller may not read.
 */
@Stateless
public class DefaultSearchService implements SearchService {
    private static final Logger LOG = Logger.getLogger(DefaultSearchService.class.getName());
    static final String RESTRICTED_HIGHLIGHT = "（控制使用档案，借阅获批后可查看内容 / restricted: borrow to read）";

    @EJB
    ArchiveNumbering numbering;

    @EJB
    RecordAccess access;

    @EJB
    DocumentTexts texts;

    @EJB
    HallRule hall;

    @Inject
    SearchIndex index;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER, Roles.CLERK})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public SearchResultView search(SearchRequest request) throws EarchiveException {
        try {
            SearchResultView found = index.search(request, hall.confinement().orElse(null));
            Set<String> hidden = access.hidden(
                    found.hits().stream()
                            .map(SearchResultView.Hit::archiveNumber)
                            .filter(Objects::nonNull)
                            .toList(),
                    context.getCallerPrincipal().getName());
            if (hidden.isEmpty()) {
                return found;
            }
            return new SearchResultView(
                    found.total(),
                    found.page(),
                    found.size(),
                    found.hits().stream()
                            .map(h -> hidden.contains(h.archiveNumber()) ? h.withHighlight(RESTRICTED_HIGHLIGHT) : h)
                            .toList());
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "检索词无法检索，请减少或简化检索词。" + e.getMessage(), e);
        } catch (IOException e) {
            LOG.warning("Search failed: " + e);
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "检索暂时不可用，请稍后重试。The search index does not answer: try again shortly.",
                    e);
        }
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public long reindex() throws EarchiveException {
        try {
            long indexed = 0;
            long after = 0;
            try (SearchIndex.Rebuild rebuild = index.rebuild()) {
                for (List<Object[]> page = numbering.recordsWithCases(after, 500);
                        !page.isEmpty();
                        page = numbering.recordsWithCases(after, 500)) {
                    rebuild.add(entries(page));
                    indexed += page.size();
                    after = ((ArchiveRecord) page.get(page.size() - 1)[0]).id();
                }
                rebuild.publish();
            }
            // records archived while the new generation was filled went to the old one: add them to the new
            for (List<Object[]> page = numbering.recordsWithCases(after, 500);
                    !page.isEmpty();
                    page = numbering.recordsWithCases(after, 500)) {
                index.indexAll(entries(page));
                indexed += page.size();
                after = ((ArchiveRecord) page.get(page.size() - 1)[0]).id();
            }
            index.commit();
            return indexed;
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "The search index could not be rebuilt: " + e.getMessage(), e);
        }
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public ReconcileReport reconcile() throws EarchiveException {
        try {
            long records = 0;
            long missing = 0;
            long after = 0;
            for (List<Object[]> page = numbering.recordsWithCases(after, 500);
                    !page.isEmpty();
                    page = numbering.recordsWithCases(after, 500)) {
                List<String> ids = page.stream()
                        .map(row -> "rec:" + ((ArchiveRecord) row[0]).archiveNumber())
                        .toList();
                Set<String> present = index.present(ids);
                List<Object[]> lacking = page.stream()
                        .filter(row -> !present.contains("rec:" + ((ArchiveRecord) row[0]).archiveNumber()))
                        .toList();
                if (!lacking.isEmpty()) {
                    index.indexAll(entries(lacking));
                    missing += lacking.size();
                }
                records += page.size();
                after = ((ArchiveRecord) page.get(page.size() - 1)[0]).id();
            }
            index.commit();
            long entries = index.count();
            ReconcileReport report = new ReconcileReport(records, missing, entries, Math.max(0, entries - records));
            LOG.info(() -> "Search index reconciled with the database: " + report);
            return report;
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "The search index could not be compared with the database: " + e.getMessage(),
                    e);
        }
    }

    private List<SearchIndex.Entry> entries(List<Object[]> page) {
        List<SearchIndex.Entry> entries = new ArrayList<>();
        for (Object[] row : page) {
            ArchiveRecord r = (ArchiveRecord) row[0];
            entries.add(entry(r, (BusinessCase) row[1], texts.of(r.documentId())));
        }
        return entries;
    }

    /** A record's index entry; its text is its document's (the OCR layer of the PDF/A), kept in the database. */
    static SearchIndex.Entry entry(ArchiveRecord r, BusinessCase c, String text) {
        return new SearchIndex.Entry(
                "rec:" + r.archiveNumber(),
                c.caseNumber(),
                r.citizenId(),
                c.applicant().name(),
                r.businessType(),
                r.materialCode(),
                r.title(),
                text,
                "record",
                r.archiveNumber(),
                r.category(),
                c.hall(),
                r.archivedAt().toEpochMilli());
    }
}
