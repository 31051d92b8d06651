package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.Set;

/** Who may sign in, and with which roles. */
@Local
public interface UserDirectory {
  /** The account's role names if the password matches an enabled account, else empty. */
  Optional<Set<String>> authenticate(String username, char[] password);
}
