package org.earchive.archive.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.earchive.archive.domain.model.account.PasswordHasher;

/**
 * API clients send HTTP Basic credentials with every request, and a deliberate PBKDF2 check costs tens of
 * milliseconds of CPU. After one successful check, a keyed HMAC of the password (never the password) is remembered for
 * a few minutes, tied to the stored hash so that a password change takes effect at once.
 */
@ApplicationScoped
public class CredentialCache {
    static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());
    private static final Duration TTL = Duration.ofMinutes(5);
    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String storedHash, byte[] mac, Instant expires) {}

    public CredentialCache() {
        new SecureRandom().nextBytes(key);
    }

    boolean isKnownGood(String username, String storedHash, char[] password) {
        Entry e = entries.get(username);
        return e != null
                && e.expires().isAfter(Instant.now())
                && e.storedHash().equals(storedHash)
                && MessageDigest.isEqual(e.mac(), mac(username, password));
    }

    boolean remember(String username, String storedHash, char[] password) {
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(
                username,
                new Entry(storedHash, mac(username, password), Instant.now().plus(TTL)));
        return true;
    }

    private byte[] mac(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(bytes);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
