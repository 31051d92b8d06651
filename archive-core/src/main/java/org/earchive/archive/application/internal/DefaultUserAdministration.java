package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.UserAdministration;
import org.earchive.archive.application.dto.UserView;
import org.earchive.archive.domain.model.account.PasswordHasher;
import org.earchive.archive.domain.model.account.Role;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.audit.AuditAction;

@Stateless
public class DefaultUserAdministration implements UserAdministration {
    @Inject
    Settings settings;

    @Inject
    UserAccountRepository accounts;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public List<UserView> users() {
        return accounts.findAll().stream().map(DefaultUserAdministration::view).toList();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public UserView unlock(String username) throws EarchiveException {
        UserAccount account = username == null ? null : accounts.find(username).orElse(null);
        if (account == null) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "没有用户 " + username + "。There is no account " + username + ".");
        }
        account.signInSucceeded();
        audit.record(
                context.getCallerPrincipal().getName(),
                AuditAction.ACCOUNT_UNLOCKED,
                "user:" + username,
                "unlocked by an administrator");
        return view(account);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public UserView save(UserView u) throws EarchiveException {
        if (u == null || u.username() == null || !u.username().matches("[a-z][a-z0-9._-]{1,63}")) {
            throw invalid("username: 2–64 lower-case letters, digits, . _ -");
        }
        if (u.displayName() == null
                || u.displayName().isBlank()
                || u.displayName().length() > 100) {
            throw invalid("displayName: 1–100 characters");
        }
        Set<Role> roles;
        try {
            roles = (u.roles() == null ? Set.<String>of() : u.roles())
                    .stream().map(Role::valueOf).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw invalid("roles: clerk, reviewer, archivist, auditor, admin, manager, station, reader, service");
        }
        if (roles.isEmpty()) {
            throw invalid("roles: at least one");
        }
        Set<String> skills = u.skills() == null ? Set.of() : new TreeSet<>(u.skills());
        if (skills.stream().anyMatch(s -> !s.matches("[a-z][a-z0-9_-]{0,31}"))) {
            throw invalid("skills: lower-case words such as pension");
        }
        String actor = context.getCallerPrincipal().getName();
        if (actor.equals(u.username()) && (!roles.contains(Role.admin) || !u.enabled())) {
            throw invalid("an administrator cannot remove their own administration or disable themselves");
        }
        UserAccount account = accounts.find(u.username()).orElse(null);
        boolean created = account == null;
        if (created) {
            requirePassword(u.password());
            account = new UserAccount(
                    u.username(),
                    u.displayName().strip(),
                    PasswordHasher.hash(u.password().toCharArray()),
                    u.hall(),
                    roles,
                    skills);
            account.passwordSetByAdministrator(account.passwordHash(), temporaryPasswords());
            accounts.store(account);
        } else if (u.password() != null && !u.password().isEmpty()) {
            requirePassword(u.password());
            account.passwordSetByAdministrator(PasswordHasher.hash(u.password().toCharArray()), temporaryPasswords());
        }
        account.revise(u.displayName().strip(), u.hall(), roles, skills, u.absent(), u.enabled());
        audit.record(
                actor,
                AuditAction.USER_CHANGED,
                "user:" + u.username(),
                (created ? "created" : "changed") + ": roles " + new TreeSet<>(u.roles()) + ", skills " + skills
                        + (u.absent() ? ", absent" : "") + (u.enabled() ? "" : ", disabled")
                        + (u.password() != null && !u.password().isEmpty() ? ", password set" : ""));
        return view(account);
    }

    /**
     * Outside the embedded demo, a password an administrator sets is known to two people: its owner must replace it at
     * the first sign-in.
     */
    private boolean temporaryPasswords() {
        return !settings.embedded();
    }

    private static void requirePassword(String password) throws EarchiveException {
        if (password == null
                || password.length() < 10
                || !password.matches(".*[A-Za-z].*")
                || !password.matches(".*\\d.*")) {
            throw invalid("password: at least 10 characters with letters and digits");
        }
    }

    static UserView view(UserAccount a) {
        return new UserView(
                a.username(),
                a.displayName(),
                a.hall(),
                a.roles().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(a.skills()),
                a.absent(),
                a.enabled(),
                null);
    }

    private static EarchiveException invalid(String what) {
        return new EarchiveException(
                ErrorCode.INVALID_REQUEST, "用户数据不正确：" + what + "。The account is invalid: " + what + ".");
    }
}
