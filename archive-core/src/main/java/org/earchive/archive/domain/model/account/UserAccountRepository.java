package org.earchive.archive.domain.model.account;

import java.util.Optional;

public interface UserAccountRepository {
    Optional<UserAccount> find(String username);

    void store(UserAccount account);

    /**
     * Reviewers who hold the skill and are present, locked until the end of the transaction, so that concurrent
     * assignments count each other's work.
     */
    java.util.List<UserAccount> lockAvailableReviewers(String skill);

    long count();

    /** Every account, by user name. */
    java.util.List<UserAccount> findAll();
}
