package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing passwords: wrong ones in a row slow an account down, then lock it (423 even for the right password)
 * until an administrator unlocks it; one address spraying many accounts is refused; a disabled account's open
 * session ends. The server runs these tests with EARCHIVE_SIGNIN_DELAY_AFTER=8 (delays after the 8th failure, so the
 * 10th that locks comes after 1 + 2 s of waiting) and EARCHIVE_SESSION_RECHECK_SECONDS=2.
 */
@ExtendWith(ArquillianExtension.class)
class SignInIT {
    private static final Api ADMIN = Api.as("admin");
    private static final String PASSWORD = "Guess-me-not-2026";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensure("admin", "auditor");
    }

    /** A clerk whose password is PASSWORD, set by its owner (as every account's is after its first sign-in). */
    private static String newClerk() throws Exception {
        String user = create("Temp-pass-2026a");
        if (!Accounts.firstSignIn(user, "Temp-pass-2026a", PASSWORD).equals(PASSWORD)) {
            Api.Response changed = new Api(user, "Temp-pass-2026a")
                    .post(
                            "/api/session/password",
                            "{\"currentPassword\":\"Temp-pass-2026a\",\"newPassword\":\"" + PASSWORD + "\"}");
            assertEquals(204, changed.status(), changed.body());
        }
        return user;
    }

    private static String create(String password) throws Exception {
        String user = "guess" + ThreadLocalRandom.current().nextInt(1_000_000);
        Api.Response created = ADMIN.put(
                "/api/admin/users/" + user,
                "{\"username\":\"" + user
                        + "\",\"displayName\":\"测试\",\"hall\":\"HALL-01\",\"roles\":[\"clerk\"],\"skills\":[],\"absent\":false,"
                        + "\"enabled\":true,\"password\":\"" + password + "\"}");
        assertEquals(200, created.status(), created.body());
        return user;
    }

    @Test
    void usersChangeTheirOwnPasswordUnderThePolicyAndAnAdministratorsPasswordIsTemporary() throws Exception {
        String user = create("Temp-pass-2026a");
        Api temp = new Api(user, "Temp-pass-2026a");
        Api.Response work = temp.get("/api/catalogue/business-types");
        if (ThinPathIT.Env.postgresql()) {
            assertEquals(
                    403,
                    work.status(),
                    "outside the embedded default the administrator's password only changes itself");
            assertEquals("PASSWORD_CHANGE_REQUIRED", work.json().getString("code"));
            assertTrue(temp.get("/api/session").json().getBoolean("mustChangePassword"));
        } else {
            assertEquals(200, work.status(), work.body());
        }
        String change = "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}";
        assertEquals(
                403,
                temp.post("/api/session/password", String.format(change, "not-it-2026", "Fresh-pass-2026b"))
                        .status(),
                "the current password is required");
        for (String weak : List.of("short1", "onlyletterslong", user + "-2026x", "Temp-pass-2026a")) {
            Api.Response refused = temp.post("/api/session/password", String.format(change, "Temp-pass-2026a", weak));
            assertEquals(400, refused.status(), weak + ": " + refused.body());
            assertEquals("PASSWORD_POLICY", refused.json().getString("code"));
        }
        assertEquals(
                204,
                temp.post("/api/session/password", String.format(change, "Temp-pass-2026a", "Fresh-pass-2026b"))
                        .status());
        assertEquals(401, temp.get("/api/session").status(), "the old password no longer works");
        Api fresh = new Api(user, "Fresh-pass-2026b");
        assertEquals(200, fresh.get("/api/catalogue/business-types").status());
        Api.Response back =
                fresh.post("/api/session/password", String.format(change, "Fresh-pass-2026b", "Temp-pass-2026a"));
        assertEquals(400, back.status(), "none of the last five: " + back.body());
    }

    @Test
    void wrongPasswordsSlowThenLockAnAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String user = newClerk();
        Api right = new Api(user, PASSWORD);
        String from = otherLoopbackAddress(); // the suite's own address (127.0.0.1) keeps a clean record
        for (int i = 1; i <= 8; i++) {
            assertEquals(401, status(from, user, "wrong-password"), "failure " + i);
        }
        assertEquals(429, status(from, user, "wrong-password"), "the 9th attempt at once is delayed (SIGN_IN_DELAYED)");
        Thread.sleep(2_100);
        assertEquals(401, status(from, user, "wrong-password"), "9th failure");
        Thread.sleep(3_100);
        assertEquals(423, status(from, user, "wrong-password"), "the 10th wrong password locks the account");
        Api.Response evenRight = right.get("/api/session");
        assertEquals(423, evenRight.status(), "locked means locked, even for the right password: " + evenRight.body());
        assertEquals("ACCOUNT_LOCKED", evenRight.json().getString("code"));
        assertTrue(Integer.parseInt(evenRight.header("Retry-After")) > 60, evenRight.header("Retry-After"));

        assertEquals(
                403,
                Api.as("auditor")
                        .post("/api/admin/users/" + user + "/unlock", "{}")
                        .status());
        assertEquals(
                200, ADMIN.post("/api/admin/users/" + user + "/unlock", "{}").status());
        assertEquals(200, right.get("/api/session").status(), "unlocked");
        String audit = Api.as("auditor").get("/api/audit/events?limit=200").body();
        assertTrue(audit.contains("ACCOUNT_LOCKED") && audit.contains("ACCOUNT_UNLOCKED"), "both audited");
    }

    @Test
    void anAddressSprayingManyAccountsIsRefused() throws Exception {
        // a client of its own: another loopback address, so the rest of the suite (from 127.0.0.1) is not refused
        String address = otherLoopbackAddress();
        int last = 0;
        for (int i = 0; i < 30; i++) {
            last = status(address, "nobody" + i, "spray-" + i);
            assertEquals(401, last, "attempt " + i);
        }
        assertEquals(429, status(address, "admin", Api.PASSWORD), "then refused, even with good credentials");
        assertEquals(200, ADMIN.get("/api/session").status(), "other addresses are not affected");
    }

    @Test
    void aDisabledAccountsOpenSessionEnds() throws Exception {
        String user = newClerk();
        Api session = Api.signedIn(user, PASSWORD);
        assertEquals(200, session.get("/api/catalogue/business-types").status());
        Api.Response disabled = ADMIN.put(
                "/api/admin/users/" + user,
                "{\"username\":\"" + user
                        + "\",\"displayName\":\"测试\",\"hall\":\"HALL-01\",\"roles\":[\"clerk\"],\"skills\":[],\"absent\":false,"
                        + "\"enabled\":false,\"password\":null}");
        assertEquals(200, disabled.status(), disabled.body());
        Thread.sleep(2_500);
        assertEquals(401, session.get("/api/catalogue/business-types").status(), "the session ended with the account");
    }

    private static String otherLoopbackAddress() {
        return "127.0." + (1 + ThreadLocalRandom.current().nextInt(250)) + "."
                + (2 + ThreadLocalRandom.current().nextInt(250));
    }

    /** GET /api/session with Basic credentials over a socket bound to the given loopback address. */
    private static int status(String address, String user, String password) throws Exception {
        URI base = URI.create(Api.BASE);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            String credentials =
                    Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/session HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAuthorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
