package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.UserDirectory;
import org.earchive.archive.application.UserDirectory.SignIn.Outcome;
import org.earchive.archive.domain.model.account.PasswordHasher;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.audit.AuditAction;

@Stateless
@PermitAll
public class DefaultUserDirectory implements UserDirectory {
    @Inject
    Settings settings;

    @Inject
    UserAccountRepository accounts;

    @Inject
    CredentialCache cache;

    @Inject
    SignInThrottle throttle;

    @EJB
    AuditTrail audit;

    @Override
    public SignIn authenticate(String username, char[] password, String address) {
        if (username == null || password == null) {
            return SignIn.refused(Outcome.BAD_CREDENTIALS, 0);
        }
        Instant now = Instant.now();
        String from = address == null ? "-" : address;
        long wait = throttle.refusedFor(from, settings.signInAddressLimit(), now);
        if (wait > 0) {
            return SignIn.refused(Outcome.ADDRESS_REFUSED, wait);
        }
        Optional<UserAccount> account = accounts.find(username).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            // Spend the same time as a real check, so that timing does not reveal which user names exist.
            PasswordHasher.verify(password, CredentialCache.DUMMY_HASH);
            failed(username, "unknown or disabled account", from, settings, now);
            return SignIn.refused(Outcome.BAD_CREDENTIALS, 0);
        }
        UserAccount a = account.get();
        Optional<Instant> locked = a.lockedAt(now);
        if (locked.isPresent()) {
            return SignIn.refused(
                    Outcome.LOCKED,
                    Math.max(1, Duration.between(now, locked.get()).toSeconds()));
        }
        Instant next = a.nextAttemptAt(settings.signInDelayAfter());
        if (now.isBefore(next)) {
            return SignIn.refused(
                    Outcome.DELAYED, Math.max(1, Duration.between(now, next).toSeconds() + 1));
        }
        boolean ok = cache.isKnownGood(username, a.passwordHash(), password)
                || (PasswordHasher.verify(password, a.passwordHash())
                        && cache.remember(username, a.passwordHash(), password));
        if (!ok) {
            boolean lockedNow = a.signInFailed(now, settings.signInLockAfter(), settings.signInLockFor());
            failed(username, "wrong password", from, settings, now);
            if (lockedNow) {
                audit.record(
                        "system",
                        AuditAction.ACCOUNT_LOCKED,
                        "user:" + username,
                        settings.signInLockAfter() + " wrong passwords in a row; locked for "
                                + settings.signInLockFor().toMinutes() + " minutes");
                return SignIn.refused(Outcome.LOCKED, settings.signInLockFor().toSeconds());
            }
            return SignIn.refused(Outcome.BAD_CREDENTIALS, 0);
        }
        if (a.failedSignIns() > 0) {
            a.signInSucceeded();
        }
        return SignIn.ok(a.roles().stream().map(Enum::name).collect(Collectors.toSet()), a.mustChangePassword());
    }

    @Override
    public void changePassword(String username, char[] current, char[] replacement) throws EarchiveException {
        UserAccount a = accounts.find(username)
                .filter(UserAccount::enabled)
                .orElseThrow(
                        () -> new EarchiveException(ErrorCode.FORBIDDEN, "This account cannot change its password."));
        if (current == null || !PasswordHasher.verify(current, a.passwordHash())) {
            throw new EarchiveException(ErrorCode.BAD_CREDENTIALS, "当前密码不正确。The current password is wrong.");
        }
        String fresh = replacement == null ? "" : new String(replacement);
        if (fresh.length() < 10 || !fresh.matches(".*\\p{L}.*") || !fresh.matches(".*\\d.*")) {
            throw policy("至少 10 个字符，含字母和数字。At least 10 characters, with letters and digits.");
        }
        if (fresh.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw policy("不能包含用户名。It must not contain the user name.");
        }
        for (String used : a.recentPasswordHashes()) {
            if (PasswordHasher.verify(replacement, used)) {
                throw policy("不能与最近 5 次使用的密码相同。It must differ from the last five passwords.");
            }
        }
        a.passwordChanged(PasswordHasher.hash(replacement));
        audit.record(username, AuditAction.PASSWORD_CHANGED, "user:" + username, "by its owner");
    }

    private static EarchiveException policy(String rule) {
        return new EarchiveException(ErrorCode.PASSWORD_POLICY, "新密码不符合要求：" + rule);
    }

    @Override
    public Optional<Set<String>> currentRoles(String username) {
        return accounts.find(username)
                .filter(UserAccount::enabled)
                .filter(a -> a.lockedAt(Instant.now()).isEmpty())
                .map(a -> a.roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }

    private void failed(String username, String why, String address, Settings settings, Instant now) {
        String printable = username.replaceAll("[^\\p{Alnum}._-]", "?");
        String actor = printable.length() > 64 ? printable.substring(0, 64) : printable;
        audit.record(actor, AuditAction.LOGIN_FAILED, "user:" + actor, why + " from " + address);
        if (throttle.failed(address, settings.signInAddressLimit(), now)) {
            audit.record(
                    "system",
                    AuditAction.SIGN_IN_THROTTLED,
                    "address:" + address,
                    settings.signInAddressLimit()
                            + " failed sign-ins within 10 minutes; refused until the window ends");
        }
    }
}
