package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.account.Role;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(em.find(UserAccount.class, username));
    }

    @Override
    public List<UserAccount> lockAvailableReviewers(String skill) {
        return em.createQuery(
                        "SELECT u FROM UserAccount u JOIN u.roles r JOIN u.skills k WHERE r = :role AND k = :skill"
                                + " AND u.absent = false AND u.enabled = true ORDER BY u.username",
                        UserAccount.class)
                .setParameter("role", Role.reviewer)
                .setParameter("skill", skill)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public void store(UserAccount account) {
        em.persist(account);
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
    }

    @Override
    public List<UserAccount> findAll() {
        return em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class)
                .getResultList();
    }
}
