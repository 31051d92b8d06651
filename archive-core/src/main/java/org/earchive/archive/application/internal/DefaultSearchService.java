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
    private static final int PAGE = 500;
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
            long[] indexed = {0};
            long after;
            try (SearchIndex.Rebuild rebuild = index.rebuild()) {
                after = eachPage(0, page -> {
                    rebuild.add(entries(page));
                    indexed[0] += page.size();
                });
                rebuild.publish();
            }
            // records archived while the new generation was filled went to the old one: add them to the new
            eachPage(after, page -> {
                index.indexAll(entries(page));
                indexed[0] += page.size();
            });
            index.commit();
            return indexed[0];
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "The search index could not be rebuilt: " + e.getMessage(), e);
        }
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public ReconcileReport reconcile() throws EarchiveException {
        try {
            long[] counted = {0, 0}; // records, missing
            eachPage(0, page -> {
                Set<String> present = index.present(page.stream()
                        .map(row -> entryId((ArchiveRecord) row[0]))
                        .toList());
                List<Object[]> lacking = page.stream()
                        .filter(row -> !present.contains(entryId((ArchiveRecord) row[0])))
                        .toList();
                if (!lacking.isEmpty()) {
                    index.indexAll(entries(lacking));
                }
                counted[0] += page.size();
                counted[1] += lacking.size();
            });
            index.commit();
            long entries = index.count();
            ReconcileReport report =
                    new ReconcileReport(counted[0], counted[1], entries, Math.max(0, entries - counted[0]));
            LOG.info(() -> "Search index reconciled with the database: " + report);
            return report;
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "The search index could not be compared with the database: " + e.getMessage(),
                    e);
        }
    }

    /** What is done with one page of archived records, each with its case. */
    private interface PageWork {
        void accept(List<Object[]> page) throws IOException;
    }

    /** Hands every page of archived records after id {@code after} to {@code work}, in id order; the last id. */
    private long eachPage(long after, PageWork work) throws IOException {
        for (List<Object[]> page = numbering.recordsWithCases(after, PAGE);
                !page.isEmpty();
                page = numbering.recordsWithCases(after, PAGE)) {
            work.accept(page);
            after = ((ArchiveRecord) page.get(page.size() - 1)[0]).id();
        }
        return after;
    }

    private List<SearchIndex.Entry> entries(List<Object[]> page) {
        List<SearchIndex.Entry> entries = new ArrayList<>();
        for (Object[] row : page) {
            ArchiveRecord r = (ArchiveRecord) row[0];
            entries.add(entry(r, (BusinessCase) row[1], texts.ofRecord(r)));
        }
        return entries;
    }

    /** A record's identity in the index. */
    static String entryId(ArchiveRecord r) {
        return "rec:" + r.archiveNumber();
    }

    /** A record's index entry; its text is its document's (the OCR layer of the PDF/A), kept in the database. */
    static SearchIndex.Entry entry(ArchiveRecord r, BusinessCase c, String text) {
        return new SearchIndex.Entry(
                entryId(r),
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
