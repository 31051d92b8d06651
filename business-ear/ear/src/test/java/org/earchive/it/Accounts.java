package org.earchive.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.earchive.archive.domain.model.account.PasswordHasher;

/**
 * The accounts the tests sign in with. The embedded default has demo accounts; on PostgreSQL there are none, so the
 * tests create theirs (user name = role name, the demo password) directly in the database.
 */
final class Accounts {
    private Accounts() {}

    static final String[] ALL_SKILLS = {"enrollment", "pension", "benefit", "collection", "transfer"};

    /** The demo accounts the workflow tests use, as the embedded default seeds them. */
    static void ensureWorkflowAccounts() throws Exception {
        ensure("clerk", "archivist", "auditor", "admin", "manager");
        ensureUser("reviewer", new String[] {"reviewer"}, ALL_SKILLS);
        ensureUser("reviewer2", new String[] {"reviewer"}, new String[] {"enrollment", "pension"});
        ensureUser("deputy", new String[] {"clerk", "reviewer"}, ALL_SKILLS);
    }

    static void ensureUser(String user, String[] roles, String[] skills) throws Exception {
        ensureUser(user, "HALL-IT", roles, skills);
    }

    /** On PostgreSQL, an account of the given hall (the embedded default's demo accounts have theirs already). */
    static void ensureUser(String user, String hall, String[] roles, String[] skills) throws Exception {
        if (!ThinPathIT.Env.postgresql()) {
            return;
        }
        try (Connection c = ThinPathIT.Env.connect()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO app_user (username, display_name, password_hash, hall, absent, enabled)"
                            + " VALUES (?, ?, ?, ?, false, true) ON CONFLICT DO NOTHING")) {
                s.setString(1, user);
                s.setString(2, user);
                s.setString(3, PasswordHasher.hash(Api.PASSWORD.toCharArray()));
                s.setString(4, hall);
                s.executeUpdate();
            }
            for (String role : roles) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO app_user_role (username, role) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    s.setString(1, user);
                    s.setString(2, role);
                    s.executeUpdate();
                }
            }
            for (String skill : skills) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO app_user_skill (username, skill) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    s.setString(1, user);
                    s.setString(2, skill);
                    s.executeUpdate();
                }
            }
        }
    }

    /**
     * The first sign-in of an account an administrator just made: outside the embedded default its password is
     * temporary and is changed to {@code wanted} here. Returns the password that works now.
     */
    static String firstSignIn(String user, String given, String wanted) throws Exception {
        Api api = new Api(user, given);
        Api.Response me = api.get("/api/session");
        if (me.status() == 200 && me.json().getBoolean("mustChangePassword", false)) {
            Api.Response changed = api.post(
                    "/api/session/password",
                    "{\"currentPassword\":\"" + given + "\",\"newPassword\":\"" + wanted + "\"}");
            if (changed.status() != 204) {
                throw new IllegalStateException("password change gave " + changed.status() + " " + changed.body());
            }
            return wanted;
        }
        return given;
    }

    /** Accounts named after their single role (clerk, archivist, …), with the demo password. */
    static void ensure(String... roles) throws Exception {
        for (String role : roles) {
            ensureUser(role, new String[] {role}, new String[0]);
        }
    }
}
