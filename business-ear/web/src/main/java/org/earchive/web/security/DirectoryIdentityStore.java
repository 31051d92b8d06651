package org.earchive.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.earchive.archive.application.UserDirectory;

/** Checks credentials against the archive's user directory; the groups it returns are the role names. */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {
  private static final Logger LOG = Logger.getLogger(DirectoryIdentityStore.class.getName());

  @EJB UserDirectory directory;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<Set<String>> roles = directory.authenticate(c.getCaller(), c.getPassword().getValue());
    if (roles.isEmpty()) {
      LOG.warning(() -> "Sign-in failed for user '" + printable(c.getCaller()) + "'");
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(c.getCaller(), roles.get());
  }

  private static String printable(String s) {
    return s == null ? "" : s.replaceAll("[^\\p{Alnum}._-]", "?").substring(0, Math.min(s.length(), 64));
  }
}
