package org.earchive.storage.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 digest (GB/T 32905), from BouncyCastle; fed incrementally, not thread-safe. */
public final class Sm3 {
    private final SM3Digest digest = new SM3Digest();

    public void update(byte[] buffer, int offset, int count) {
        digest.update(buffer, offset, count);
    }

    /** The 32-byte digest; call once. */
    public byte[] finish() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
