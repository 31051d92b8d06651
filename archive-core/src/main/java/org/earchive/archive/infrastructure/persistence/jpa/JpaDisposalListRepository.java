package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.disposal.DisposalItem;
import org.earchive.archive.domain.model.disposal.DisposalList;
import org.earchive.archive.domain.model.disposal.DisposalListRepository;

@ApplicationScoped
public class JpaDisposalListRepository implements DisposalListRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public DisposalList store(DisposalList list) {
        em.persist(list);
        em.flush();
        return list;
    }

    @Override
    public Optional<DisposalList> find(long id) {
        return Optional.ofNullable(em.find(DisposalList.class, id));
    }

    @Override
    public DisposalList lock(long id) {
        return em.find(DisposalList.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void remove(long id) {
        em.remove(em.find(DisposalList.class, id));
    }

    @Override
    public void add(DisposalItem item) {
        em.persist(item);
    }

    @Override
    public DisposalItem lockItem(long itemId) {
        return em.find(DisposalItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<String> onOtherOpenLists(long listId, Collection<String> archiveNumbers) {
        return em.createQuery(
                        "SELECT i.archiveNumber FROM DisposalItem i, DisposalList l WHERE i.listId = l.id"
                                + " AND l.status IN ('PROPOSED', 'APPROVED') AND l.id <> :list AND i.archiveNumber IN :n",
                        String.class)
                .setParameter("list", listId)
                .setParameter("n", archiveNumbers)
                .getResultList();
    }

    @Override
    public long itemCount(long listId) {
        return em.createQuery("SELECT COUNT(i) FROM DisposalItem i WHERE i.listId = :l", Long.class)
                .setParameter("l", listId)
                .getSingleResult();
    }

    @Override
    public long destroyedCount(long listId) {
        return em.createQuery(
                        "SELECT COUNT(i) FROM DisposalItem i WHERE i.listId = :l AND i.outcome = 'DESTROYED'",
                        Long.class)
                .setParameter("l", listId)
                .getSingleResult();
    }

    @Override
    public List<Long> itemIds(long listId) {
        return em.createQuery("SELECT i.id FROM DisposalItem i WHERE i.listId = :l ORDER BY i.id", Long.class)
                .setParameter("l", listId)
                .getResultList();
    }

    @Override
    public List<DisposalItem> items(long listId, int limit) {
        return em.createQuery(
                        "SELECT i FROM DisposalItem i WHERE i.listId = :l ORDER BY i.archiveNumber", DisposalItem.class)
                .setParameter("l", listId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<DisposalList> recent(int limit) {
        return em.createQuery("SELECT l FROM DisposalList l ORDER BY l.id DESC", DisposalList.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
