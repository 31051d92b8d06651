package org.earchive.storage.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;

/** The content ciphers, both 128-bit block ciphers in GCM mode. */
public enum Algorithm {
    AES_256_GCM((byte) 1, 32),
    SM4_GCM((byte) 2, 16);

    private final byte id;
    private final int keyBytes;

    Algorithm(byte id, int keyBytes) {
        this.id = id;
        this.keyBytes = keyBytes;
    }

    public byte id() {
        return id;
    }

    public int keyBytes() {
        return keyBytes;
    }

    BlockCipher engine() {
        return this == AES_256_GCM ? AESEngine.newInstance() : new SM4Engine();
    }

    static Algorithm of(byte id) {
        for (Algorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown content cipher " + id);
    }

    /** {@code AES-256-GCM} or {@code SM4-GCM}, as written in configuration. */
    public static Algorithm parse(String name) {
        return switch (name.trim().toUpperCase().replace('_', '-')) {
            case "AES-256-GCM", "AES" -> AES_256_GCM;
            case "SM4-GCM", "SM4" -> SM4_GCM;
            default -> throw new IllegalArgumentException("Unknown cipher '" + name + "': use AES-256-GCM or SM4-GCM");
        };
    }
}
