package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.borrowing.Borrowing;
import org.earchive.archive.domain.model.borrowing.BorrowingRepository;

@ApplicationScoped
public class JpaBorrowingRepository implements BorrowingRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public Borrowing store(Borrowing borrowing) {
        em.persist(borrowing);
        em.flush();
        return borrowing;
    }

    @Override
    public Optional<Borrowing> lock(long id) {
        return Optional.ofNullable(em.find(Borrowing.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Borrowing> list(String requestedBy, Borrowing.Status status, int limit) {
        StringBuilder q = new StringBuilder("SELECT b FROM Borrowing b WHERE 1 = 1");
        if (requestedBy != null) {
            q.append(" AND b.requestedBy = :u");
        }
        if (status != null) {
            q.append(" AND b.status = :s");
        }
        q.append(" ORDER BY b.id DESC");
        TypedQuery<Borrowing> query =
                em.createQuery(q.toString(), Borrowing.class).setMaxResults(limit);
        if (requestedBy != null) {
            query.setParameter("u", requestedBy);
        }
        if (status != null) {
            query.setParameter("s", status.name());
        }
        return query.getResultList();
    }

    @Override
    public List<Borrowing> approved(String archiveNumber, String requestedBy) {
        return em.createQuery(
                        "SELECT b FROM Borrowing b WHERE b.archiveNumber = :n AND b.requestedBy = :u AND b.status = 'APPROVED'",
                        Borrowing.class)
                .setParameter("n", archiveNumber)
                .setParameter("u", requestedBy)
                .getResultList();
    }
}
