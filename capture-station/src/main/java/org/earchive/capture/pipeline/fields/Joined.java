package org.earchive.capture.pipeline.fields;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earchive.capture.pipeline.port.OcrEngine.Word;

/** A page's words joined without spaces, each character knowing the word it came from. */
final class Joined {
    final String text;
    private final int[] wordOf;
    private final List<Word> words;

    private Joined(String text, int[] wordOf, List<Word> words) {
        this.text = text;
        this.wordOf = wordOf;
        this.words = words;
    }

    static Joined of(List<Word> words) {
        StringBuilder b = new StringBuilder();
        List<Integer> owners = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String t = words.get(w).text().replaceAll("\\s+", "");
            b.append(t);
            for (int i = 0; i < t.length(); i++) {
                owners.add(w);
            }
        }
        return new Joined(
                b.toString(), owners.stream().mapToInt(Integer::intValue).toArray(), words);
    }

    /** A field from the characters [start, end): the boxes and mean confidence of the words they lie in. */
    Field field(String value, String read, boolean repaired, int start, int end) {
        Set<Integer> used = new LinkedHashSet<>();
        for (int i = start; i < end && i < wordOf.length; i++) {
            used.add(wordOf[i]);
        }
        List<int[]> boxes = new ArrayList<>();
        float confidence = 0;
        for (int w : used) {
            Word word = words.get(w);
            boxes.add(new int[] {word.left(), word.top(), word.right(), word.bottom()});
            confidence += word.confidence();
        }
        return new Field(value, read, repaired, used.isEmpty() ? 0 : confidence / used.size(), List.copyOf(boxes));
    }
}
