package org.earchive.archive.domain.model.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CitizenIdTest {
    // The GB 11643 example number 11010519491231002X: check character X.
    @Test
    void acceptsTheStandardsExampleAndComputesItsCheckCharacter() {
        assertEquals('X', CitizenId.checkCharacter("11010519491231002"));
        assertEquals("11010519491231002X", CitizenId.parse("11010519491231002x").value());
    }

    @Test
    void rejectsAWrongCheckCharacterWithAMessageForTheClerk() {
        InvalidCitizenIdException e =
                assertThrows(InvalidCitizenIdException.class, () -> CitizenId.parse("110105194912310021"));
        assertTrue(e.getMessage().contains("校验位"), e.getMessage());
    }

    @Test
    void rejectsMalformedNumbersAndImpossibleDates() {
        assertFalse(CitizenId.isValid(null));
        assertFalse(CitizenId.isValid("12345"));
        assertFalse(CitizenId.isValid("1101051949123100AX"));
        String feb30 = "11010519490230002";
        assertFalse(CitizenId.isValid(feb30 + CitizenId.checkCharacter(feb30)));
    }

    @Test
    void masksAllButTheAreaAndTheLastFour() {
        CitizenId id = CitizenId.parse("11010519491231002X");
        assertEquals("110105********002X", id.masked());
        assertEquals("110105********002X", id.toString());
    }
}
