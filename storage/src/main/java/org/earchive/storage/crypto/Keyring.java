package org.earchive.storage.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Master keys by id. The first is current: new data keys are wrapped with it. Older ones are kept only to unwrap
 * data keys not yet re-wrapped. Written as {@code id:base64key[,id:base64key…]} (each key 32 random bytes), e.g. in
 * {@code EARCHIVE_MASTER_KEYS} or a Payara password alias; never stored beside the data.
 */
public final class Keyring {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LinkedHashMap<String, byte[]> keys;

    private Keyring(LinkedHashMap<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A keyring needs at least one master key");
        }
        this.keys = keys;
    }

    public static Keyring parse(String spec) {
        LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("A master key is written id:base64 (32 bytes)");
            }
            byte[] key = Base64.getDecoder().decode(p.substring(colon + 1));
            if (key.length != 32) {
                throw new IllegalArgumentException(
                        "Master key '" + p.substring(0, colon) + "' must be 32 bytes, not " + key.length);
            }
            keys.put(p.substring(0, colon), key);
        }
        return new Keyring(keys);
    }

    /** A fresh random key spec, for set-up scripts and tests. */
    public static String generate(String id) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    public String currentId() {
        return keys.keySet().iterator().next();
    }

    /** {@code id:base64(nonce ‖ AES-256-GCM(dataKey))}. */
    public String wrap(byte[] dataKey) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = gcm(true, keys.get(currentId()), nonce, dataKey);
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return currentId() + ":" + Base64.getEncoder().encodeToString(out);
    }

    public byte[] unwrap(String wrapped) throws KeyUnavailableException {
        int colon = wrapped.indexOf(':');
        String id = wrapped.substring(0, colon);
        byte[] master = Optional.ofNullable(keys.get(id))
                .orElseThrow(() -> new KeyUnavailableException("Master key '" + id + "' is not in the keyring"));
        byte[] in = Base64.getDecoder().decode(wrapped.substring(colon + 1));
        byte[] nonce = Arrays.copyOfRange(in, 0, 12);
        byte[] sealed = Arrays.copyOfRange(in, 12, in.length);
        try {
            return gcmChecked(false, master, nonce, sealed);
        } catch (InvalidCipherTextException e) {
            throw new KeyUnavailableException(
                    "The data key wrapped under '" + id + "' does not open with that master key");
        }
    }

    /** Whether a wrapped key is wrapped under the current master key. */
    public boolean isCurrent(String wrapped) {
        return wrapped.startsWith(currentId() + ":");
    }

    Map<String, byte[]> keys() {
        return keys;
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input) {
        try {
            return gcmChecked(encrypt, key, nonce, input);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gcmChecked(boolean encrypt, byte[] key, byte[] nonce, byte[] input)
            throws InvalidCipherTextException {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        n += gcm.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The master key needed to open a data key is not available. */
    public static final class KeyUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        KeyUnavailableException(String message) {
            super(message);
        }
    }
}
