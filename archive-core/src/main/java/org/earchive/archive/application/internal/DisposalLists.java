package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.disposal.DisposalItem;
import org.earchive.archive.domain.model.disposal.DisposalList;
import org.earchive.archive.domain.model.disposal.DisposalListRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/**
 * The transactions of disposition: proposing a list page by page (bounded memory however many records are due), and
 * destroying one item at a time, the database first (the record keeps its metadata) and the object after it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DisposalLists {
    @EJB
    Outbox outbox;

    static final int PAGE = 500;

    @Inject
    DisposalListRepository lists;

    @Inject
    DocumentRepository documents;

    @Inject
    CaseRepository cases;

    @Inject
    ObjectStore store;

    @Inject
    ArchiveRepository archive;

    @EJB
    AuditTrail audit;

    public long create(LocalDate appraisedOn, String actor) {
        return lists.store(new DisposalList(appraisedOn, actor, Instant.now())).id();
    }

    /**
     * Adds the next page of records due on the list's day: past retention, not held, not destroyed, not on another
     * open list. Returns the last record id seen, or -1 when there are no more.
     */
    public long addDue(long listId, long afterId) {
        DisposalList list = lists.find(listId).orElseThrow();
        List<ArchiveRecord> page = archive.dueOn(list.appraisedOn(), afterId, PAGE);
        if (page.isEmpty()) {
            return -1;
        }
        List<String> numbers = page.stream().map(ArchiveRecord::archiveNumber).toList();
        List<String> onOpenLists = lists.onOtherOpenLists(listId, numbers);
        for (ArchiveRecord r : page) {
            if (r.expiredOn(list.appraisedOn()) && !onOpenLists.contains(r.archiveNumber())) {
                lists.add(new DisposalItem(listId, r.archiveNumber(), r.retainUntil()));
            }
        }
        return page.get(page.size() - 1).id();
    }

    /** Removes a list that found nothing due (the job's run is its record). Returns whether it had items. */
    public boolean keepIfItems(long listId, String actor) {
        long n = lists.itemCount(listId);
        if (n == 0) {
            lists.remove(listId);
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
        return lists.itemIds(listId);
    }

    /**
     * Destroys one item's content if it is still due: marks the record and its document destroyed, drops the text,
     * then deletes the object unless another live document has the same content. Returns the object key to delete, or
     * null. An item destroyed by an execution that stopped before its object was deleted (a crash: the list is still
     * approved, and executed again) returns its key again, so that the repeat deletes what the first left behind.
     */
    public String destroy(long itemId, String actor, LocalDate today) {
        DisposalItem item = lists.lockItem(itemId);
        if (item.outcome() == DisposalItem.Outcome.DESTROYED) {
            String key = archive.find(item.archiveNumber()).orElseThrow().objectKey();
            return documents.countLiveByObjectKey(key) == 0 ? key : null;
        }
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
        CaseDocument d = documents.find(r.documentId()).orElseThrow();
        d.disposed(now);
        r.disposed(item.listId(), now);
        documents.dropText(d.id());
        item.outcome(DisposalItem.Outcome.DESTROYED, "content destroyed, metadata kept");
        audit.record(
                actor,
                AuditAction.RECORD_DISPOSED,
                r.archiveNumber(),
                "disposal list " + item.listId() + ", retention " + r.retention() + " ended " + r.retainUntil()
                        + ", sha256=" + r.sha256());
        String caseNumber = cases.findById(r.caseId()).orElseThrow().caseNumber();
        outbox.recordDisposed(caseNumber, r.businessType(), r.archiveNumber());
        outbox.indexCase(r.caseId(), caseNumber); // the destroyed record stays findable by its metadata, not its text
        long live = documents.countLiveByObjectKey(r.objectKey());
        return live == 0 ? r.objectKey() : null;
    }

    public void decide(long id, boolean approve, String actor, String comment) throws EarchiveException {
        try {
            lists.lock(id).decide(approve, actor, comment, Instant.now());
        } catch (IllegalStateException e) {
            throw new EarchiveException(ErrorCode.ILLEGAL_TRANSITION, e.getMessage());
        }
    }

    public void executed(long id, String actor) {
        lists.lock(id).executed(actor, Instant.now());
        long destroyed = lists.destroyedCount(id);
        audit.record(actor, AuditAction.DISPOSAL_EXECUTED, "disposal-list:" + id, destroyed + " records destroyed");
    }

    public DisposalList find(long id) {
        return lists.find(id).orElse(null);
    }

    public DisposalList lockList(long id) {
        return lists.lock(id);
    }

    public List<DisposalItem> items(long listId) {
        return lists.items(listId, 10_000);
    }

    public List<DisposalList> all() {
        return lists.recent(200);
    }
}
