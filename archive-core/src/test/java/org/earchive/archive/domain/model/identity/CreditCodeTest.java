package org.earchive.archive.domain.model.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
    @Test
    void aValidCodeIsAcceptedInCapitals() {
        assertEquals("91350100M000100Y43", CreditCode.parse("91350100M000100Y43"));
        assertEquals("91110108MA01C2Q5XF", CreditCode.parse(" 91110108ma01c2q5xf "));
    }

    @Test
    void aTypingErrorIsCaughtByTheCheckCharacterAndEveryFaultIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CreditCode.parse("91350100M000100Y44"))
                .getMessage()
                .contains("check character"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CreditCode.parse("91350100M000100Y4"))
                .getMessage()
                .contains("18"));
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> CreditCode.parse("91350100I000100Y43"))
                        .getMessage()
                        .contains("Character 9"),
                "I, O, S, V, Z are not used");
        assertThrows(IllegalArgumentException.class, () -> CreditCode.parse(null));
    }
}
