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

  static void ensure(String... roles) throws Exception {
    if (!ThinPathIT.Env.postgresql()) {
      return;
    }
    try (Connection c = ThinPathIT.Env.connect()) {
      for (String role : roles) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO app_user (username, display_name, password_hash, hall, absent, enabled)"
                    + " VALUES (?, ?, ?, 'HALL-IT', false, true) ON CONFLICT DO NOTHING")) {
          s.setString(1, role);
          s.setString(2, role);
          s.setString(3, PasswordHasher.hash(Api.PASSWORD.toCharArray()));
          s.executeUpdate();
        }
        try (PreparedStatement s =
            c.prepareStatement("INSERT INTO app_user_role (username, role) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
          s.setString(1, role);
          s.setString(2, role);
          s.executeUpdate();
        }
      }
    }
  }
}
