package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;

@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {
  @PersistenceContext(unitName = "earchive")
  private EntityManager em;

  @Override
  public Optional<BusinessCase> find(String caseNumber) {
    return em.createQuery("SELECT c FROM BusinessCase c WHERE c.caseNumber = :n", BusinessCase.class)
        .setParameter("n", caseNumber)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<BusinessCase> findById(long id) {
    return Optional.ofNullable(em.find(BusinessCase.class, id));
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(c) FROM BusinessCase c", Long.class).getSingleResult();
  }

  @Override
  public BusinessCase store(BusinessCase businessCase) {
    // EclipseLink assigns the sequence id at persist time, so the caller can number the case before the insert.
    em.persist(businessCase);
    return businessCase;
  }
}
