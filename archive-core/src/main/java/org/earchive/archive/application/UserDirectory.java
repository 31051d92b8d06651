package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.Set;

/** Who may sign in, and with which roles. */
@Local
public interface UserDirectory {
    /**
     * Checks a sign-in from an address: the account's role names if the password matches an enabled, unlocked account;
     * otherwise why not. Wrong passwords are counted per account (growing delays, then a lock) and per address.
     */
    SignIn authenticate(String username, char[] password, String address);

    /**
     * The account's owner changes their password: the current one is required, and the new one must be at least 10
     * characters with letters and digits, not the user name, and none of the last five.
     */
    void changePassword(String username, char[] current, char[] replacement) throws EarchiveException;

    /** The roles an account has now, empty if it is disabled or gone (sessions re-check with this). */
    Optional<Set<String>> currentRoles(String username);

    /** The outcome of a sign-in. */
    /** {@code mustChangePassword}: signed in, but only to change the password an administrator set. */
    record SignIn(Outcome outcome, Set<String> roles, long retryAfterSeconds, boolean mustChangePassword) {
        public enum Outcome {
            OK,
            BAD_CREDENTIALS,
            /** Too many wrong passwords in a row: the next attempt is looked at only after a wait. */
            DELAYED,
            /** Locked after too many wrong passwords, until an administrator unlocks it or the lock expires. */
            LOCKED,
            /** The address tried too many sign-ins that failed; it is refused for a while. */
            ADDRESS_REFUSED
        }

        public static SignIn ok(Set<String> roles, boolean mustChangePassword) {
            return new SignIn(Outcome.OK, roles, 0, mustChangePassword);
        }

        public static SignIn refused(Outcome outcome, long retryAfterSeconds) {
            return new SignIn(outcome, Set.of(), retryAfterSeconds, false);
        }
    }
}
