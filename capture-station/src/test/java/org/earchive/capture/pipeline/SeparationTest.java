package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;
import org.junit.jupiter.api.Test;

/** Cover sheets name the case in either form of its number: the day counter's eight digits, or the earlier seven. */
class SeparationTest {
    private static Separation.Decision classify(String text) {
        return Separation.classify(List.of(new Barcode("QR_CODE", text)));
    }

    @Test
    void theDayCountersNumbersSplitAndNameTheCase() {
        Separation.Cover c = assertInstanceOf(Separation.Cover.class, classify("EARCHIVE:C2026120612345678:ID_CARD"));
        assertEquals("C2026120612345678", c.caseNumber());
        assertEquals("ID_CARD", c.material());
    }

    @Test
    void theEarlierSevenDigitNumbersStillSplit() {
        Separation.Cover c = assertInstanceOf(Separation.Cover.class, classify("EARCHIVE:C202611300000007:ID_CARD"));
        assertEquals("C202611300000007", c.caseNumber());
    }

    @Test
    void aNumberOfTheWrongLengthOrDayIsABadCoverNotASplit() {
        assertInstanceOf(Separation.BadCover.class, classify("EARCHIVE:C20261206123456789:ID_CARD"));
        assertInstanceOf(Separation.BadCover.class, classify("EARCHIVE:C202612061234:ID_CARD"));
        assertInstanceOf(Separation.BadCover.class, classify("EARCHIVE:C2026134512345678:ID_CARD"));
    }
}
