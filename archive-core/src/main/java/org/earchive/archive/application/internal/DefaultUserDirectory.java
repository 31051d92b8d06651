package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.application.UserDirectory;
import org.earchive.archive.domain.model.account.PasswordHasher;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;

@Stateless
@PermitAll
public class DefaultUserDirectory implements UserDirectory {
  @Inject UserAccountRepository accounts;
  @Inject CredentialCache cache;
  @jakarta.ejb.EJB org.earchive.archive.application.AuditTrail audit;

  @Override
  public Optional<Set<String>> authenticate(String username, char[] password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    Optional<UserAccount> account = accounts.find(username).filter(UserAccount::enabled);
    if (account.isEmpty()) {
      // Spend the same time as a real check, so that timing does not reveal which user names exist.
      PasswordHasher.verify(password, CredentialCache.DUMMY_HASH);
      failed(username, "unknown or disabled account");
      return Optional.empty();
    }
    UserAccount a = account.get();
    boolean ok =
        cache.isKnownGood(username, a.passwordHash(), password)
            || (PasswordHasher.verify(password, a.passwordHash())
                && cache.remember(username, a.passwordHash(), password));
    if (!ok) {
      failed(username, "wrong password");
      return Optional.empty();
    }
    return Optional.of(a.roles().stream().map(Enum::name).collect(Collectors.toSet()));
  }

  private void failed(String username, String why) {
    String printable = username.replaceAll("[^\\p{Alnum}._-]", "?");
    audit.record(
        printable.length() > 64 ? printable.substring(0, 64) : printable,
        org.earchive.archive.domain.model.audit.AuditAction.LOGIN_FAILED,
        "user:" + printable,
        why);
  }
}
