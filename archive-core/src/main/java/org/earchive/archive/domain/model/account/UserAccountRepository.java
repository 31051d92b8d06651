package org.earchive.archive.domain.model.account;

import java.util.List;
import java.util.Optional;

public interface UserAccountRepository {
    Optional<UserAccount> find(String username);

    void store(UserAccount account);

    /**
     * Reviewers who hold the skill and are present, locked until the end of the transaction, so that concurrent
     * assignments count each other's work.
     */
    List<UserAccount> lockAvailableReviewers(String skill);

    long count();

    /** Every account, by user name. */
    List<UserAccount> findAll();
}
