package org.earchive.archive.domain.model.account;

import java.util.Optional;

public interface UserAccountRepository {
  Optional<UserAccount> find(String username);

  void store(UserAccount account);

  long count();
}
