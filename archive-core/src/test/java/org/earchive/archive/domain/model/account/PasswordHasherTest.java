package org.earchive.archive.domain.model.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void verifiesTheRightPasswordAndNothingElse() {
        String hash = PasswordHasher.hash("档案-secret".toCharArray());
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"));
        assertTrue(PasswordHasher.verify("档案-secret".toCharArray(), hash));
        assertFalse(PasswordHasher.verify("档案-secreT".toCharArray(), hash));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "garbage"));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHasher.hash("same".toCharArray()), PasswordHasher.hash("same".toCharArray()));
    }
}
