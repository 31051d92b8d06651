package org.earchive.capture.pipeline.fields;

import java.util.List;

/**
 * One field read from a page. {@code value} is null when the field was found but did not validate (unreadable): the
 * raw text is then in {@code read}. {@code repaired} says a misread character was corrected by the check character.
 *
 * @param confidence the mean OCR confidence (0..100) of the words it came from
 * @param boxes the words' boxes in page pixels: left, top, right, bottom
 */
public record Field(String value, String read, boolean repaired, float confidence, List<int[]> boxes) {
    public boolean readable() {
        return value != null;
    }
}
