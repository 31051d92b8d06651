package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaperSizesTest {
    @Test
    void aStandardPageAtAUsualResolutionIsRecognisedInEitherOrientation() {
        assertEquals(300, PaperSizes.dpi(2480, 3508), "A4 at 300 dpi");
        assertEquals(300, PaperSizes.dpi(3508, 2480), "A4 landscape");
        assertEquals(200, PaperSizes.dpi(1654, 2339), "A4 at 200 dpi");
        assertEquals(600, PaperSizes.dpi(4961, 7016), "A4 at 600 dpi");
        assertEquals(300, PaperSizes.dpi(2550, 3300), "Letter at 300 dpi");
        assertEquals(300, PaperSizes.dpi(3508, 4961), "A3 at 300 dpi");
    }

    @Test
    void aPhotoOrACropMatchesNothingAndStaysUnknown() {
        assertEquals(0, PaperSizes.dpi(3024, 4032), "a phone photo: 4:3, no paper");
        assertEquals(0, PaperSizes.dpi(2480, 3300), "the axes disagree");
        assertEquals(0, PaperSizes.dpi(1000, 1414), "A4's shape at 121 dpi: no scanner's resolution");
    }
}
