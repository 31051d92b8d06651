package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.port.ArchiveEvents;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.disposal.DisposalItem;
import org.earchive.archive.domain.model.disposal.DisposalList;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/**
 * The transactions of disposition: proposing a list page by page (bounded memory however many records are due), and
 * destroying one item at a time, the database first (the record keeps its metadata) and the object after it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DisposalLists {
    static final int PAGE = 500;

    @jakarta.ejb.EJB
    ArchiveEvents events;

    @PersistenceContext(unitName = "earchive")
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    org.earchive.archive.domain.model.record.ArchiveRepository archive;

    @EJB
    AuditTrail audit;

    public long create(LocalDate appraisedOn, String actor) {
        DisposalList list = new DisposalList(appraisedOn, actor, Instant.now());
        em.persist(list);
        em.flush();
        return list.id();
    }

    /**
     * Adds the next page of records due on the list's day: past retention, not held, not destroyed, not on another
     * open list. Returns the last record id seen, or -1 when there are no more.
     */
    public long addDue(long listId, long afterId) {
        DisposalList list = em.find(DisposalList.class, listId);
        List<ArchiveRecord> page = em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.id > :after AND r.retainUntil IS NOT NULL AND r.retainUntil < :day"
                                + " AND r.legalHold = FALSE AND r.disposedAt IS NULL ORDER BY r.id",
                        ArchiveRecord.class)
                .setParameter("after", afterId)
                .setParameter("day", list.appraisedOn())
                .setMaxResults(PAGE)
                .getResultList();
        if (page.isEmpty()) {
            return -1;
        }
        List<String> numbers = page.stream().map(ArchiveRecord::archiveNumber).toList();
        List<String> onOpenLists = em.createQuery(
                        "SELECT i.archiveNumber FROM DisposalItem i, DisposalList l WHERE i.listId = l.id"
                                + " AND l.status IN ('PROPOSED', 'APPROVED') AND l.id <> :list AND i.archiveNumber IN :n",
                        String.class)
                .setParameter("list", listId)
                .setParameter("n", numbers)
                .getResultList();
        for (ArchiveRecord r : page) {
            if (r.expiredOn(list.appraisedOn()) && !onOpenLists.contains(r.archiveNumber())) {
                em.persist(new DisposalItem(listId, r.archiveNumber(), r.retainUntil()));
            }
        }
        return page.get(page.size() - 1).id();
    }

    /** Removes a list that found nothing due (the job's run is its record). Returns whether it had items. */
    public boolean keepIfItems(long listId, String actor) {
        long n = em.createQuery("SELECT COUNT(i) FROM DisposalItem i WHERE i.listId = :l", Long.class)
                .setParameter("l", listId)
                .getSingleResult();
        if (n == 0) {
            em.remove(em.find(DisposalList.class, listId));
            return false;
        }
        audit.record(
                actor,
                AuditAction.DISPOSAL_LISTED,
                "disposal-list:" + listId,
                n + " records past retention proposed for destruction");
        return true;
    }

    public List<Long> itemIds(long listId) {
        return em.createQuery("SELECT i.id FROM DisposalItem i WHERE i.listId = :l ORDER BY i.id", Long.class)
                .setParameter("l", listId)
                .getResultList();
    }

    /**
     * Destroys one item's content if it is still due: marks the record and its document destroyed, drops the text,
     * then deletes the object unless another live document has the same content. Returns the object key to delete, or
     * null.
     */
    public String destroy(long itemId, String actor, LocalDate today) {
        DisposalItem item = em.find(DisposalItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item.outcome() != DisposalItem.Outcome.LISTED) {
            return null;
        }
        ArchiveRecord r = archive.findForUpdate(item.archiveNumber()).orElseThrow();
        if (r.legalHold()) {
            item.outcome(DisposalItem.Outcome.SKIPPED, "legal hold placed after listing: " + r.holdReason());
            return null;
        }
        if (r.disposed()) {
            item.outcome(DisposalItem.Outcome.SKIPPED, "already destroyed");
            return null;
        }
        if (!r.expiredOn(today)) {
            item.outcome(DisposalItem.Outcome.SKIPPED, "retention now runs until " + r.retainUntil());
            return null;
        }
        try {
            if (store.protection(r.objectKey()).blocksDeletion(Instant.now())) {
                item.outcome(
                        DisposalItem.Outcome.SKIPPED,
                        "the store still retains the object (write-once retention or hold)");
                return null;
            }
        } catch (StorageException e) {
            item.outcome(
                    DisposalItem.Outcome.SKIPPED,
                    "the store could not say whether the object may go: " + e.getMessage());
            return null;
        }
        Instant now = Instant.now();
        CaseDocument d = em.find(CaseDocument.class, r.documentId());
        d.disposed(now);
        r.disposed(item.listId(), now);
        em.createQuery("DELETE FROM DocumentText t WHERE t.documentId = :d")
                .setParameter("d", d.id())
                .executeUpdate();
        item.outcome(DisposalItem.Outcome.DESTROYED, "content destroyed, metadata kept");
        audit.record(
                actor,
                AuditAction.RECORD_DISPOSED,
                r.archiveNumber(),
                "disposal list " + item.listId() + ", retention " + r.retention() + " ended " + r.retainUntil()
                        + ", sha256=" + r.sha256());
        events.recordDisposed(
                em.find(org.earchive.archive.domain.model.cases.BusinessCase.class, r.caseId())
                        .caseNumber(),
                r.businessType(),
                r.archiveNumber());
        long live = em.createQuery(
                        "SELECT COUNT(d) FROM CaseDocument d WHERE d.objectKey = :k AND d.disposedAt IS NULL",
                        Long.class)
                .setParameter("k", r.objectKey())
                .getSingleResult();
        return live == 0 ? r.objectKey() : null;
    }

    public void decide(long id, boolean approve, String actor, String comment)
            throws org.earchive.archive.application.EarchiveException {
        try {
            em.find(DisposalList.class, id, LockModeType.PESSIMISTIC_WRITE)
                    .decide(approve, actor, comment, Instant.now());
        } catch (IllegalStateException e) {
            throw new org.earchive.archive.application.EarchiveException(
                    org.earchive.archive.application.ErrorCode.ILLEGAL_TRANSITION, e.getMessage());
        }
    }

    public void executed(long id, String actor) {
        DisposalList list = em.find(DisposalList.class, id, LockModeType.PESSIMISTIC_WRITE);
        list.executed(actor, Instant.now());
        long destroyed = em.createQuery(
                        "SELECT COUNT(i) FROM DisposalItem i WHERE i.listId = :l AND i.outcome = 'DESTROYED'",
                        Long.class)
                .setParameter("l", id)
                .getSingleResult();
        audit.record(actor, AuditAction.DISPOSAL_EXECUTED, "disposal-list:" + id, destroyed + " records destroyed");
    }

    public DisposalList find(long id) {
        return em.find(DisposalList.class, id);
    }

    public DisposalList lockList(long id) {
        return em.find(DisposalList.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<DisposalItem> items(long listId) {
        return em.createQuery(
                        "SELECT i FROM DisposalItem i WHERE i.listId = :l ORDER BY i.archiveNumber", DisposalItem.class)
                .setParameter("l", listId)
                .setMaxResults(10_000)
                .getResultList();
    }

    public List<DisposalList> all() {
        return em.createQuery("SELECT l FROM DisposalList l ORDER BY l.id DESC", DisposalList.class)
                .setMaxResults(200)
                .getResultList();
    }
}
