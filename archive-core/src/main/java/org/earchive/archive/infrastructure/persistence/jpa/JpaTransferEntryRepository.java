package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.earchive.archive.domain.model.transfer.TransferEntry;
import org.earchive.archive.domain.model.transfer.TransferEntryRepository;

@ApplicationScoped
public class JpaTransferEntryRepository implements TransferEntryRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public void store(TransferEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<TransferEntry> recent(int limit) {
        return em.createQuery("SELECT t FROM TransferEntry t ORDER BY t.id DESC", TransferEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
