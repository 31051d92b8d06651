package org.earchive.capture.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.earchive.capture.pipeline.port.OcrEngine.Word;

/**
 * The recognised words of a capture as hOCR 1.2 (XHTML): one {@code ocr_page} per archived page, its words in
 * {@code ocr_line}s, each {@code ocrx_word} with its box in the archived image's pixels and its confidence — the same
 * boxes the PDF/A's invisible text layer is placed on, for tools that read hOCR (OCRmyPDF, hocr-tools, search).
 */
final class Hocr {
    private final StringBuilder pages = new StringBuilder();
    private int count;
    private int words;

    /** Adds a page: {@code index} is its number in the source, the size is the archived image's. */
    void page(int index, int width, int height, List<Word> pageWords) {
        count++;
        pages.append("  <div class='ocr_page' id='page_")
                .append(index)
                .append("' title='ppageno ")
                .append(index - 1)
                .append("; bbox 0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("'>\n");
        int line = 0;
        for (List<Word> l : lines(pageWords)) {
            line++;
            int[] box = union(l);
            pages.append("   <span class='ocr_line' id='line_")
                    .append(index)
                    .append('_')
                    .append(line)
                    .append("' title='bbox ")
                    .append(box[0])
                    .append(' ')
                    .append(box[1])
                    .append(' ')
                    .append(box[2])
                    .append(' ')
                    .append(box[3])
                    .append("'>");
            for (Word w : l) {
                words++;
                pages.append("<span class='ocrx_word' id='word_")
                        .append(index)
                        .append('_')
                        .append(words)
                        .append("' title='bbox ")
                        .append(w.left())
                        .append(' ')
                        .append(w.top())
                        .append(' ')
                        .append(w.right())
                        .append(' ')
                        .append(w.bottom())
                        .append("; x_wconf ")
                        .append(Math.round(w.confidence()))
                        .append("'>")
                        .append(escape(w.text()))
                        .append("</span> ");
            }
            pages.append("</span>\n");
        }
        pages.append("  </div>\n");
    }

    boolean empty() {
        return count == 0;
    }

    String document(String title) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Transitional//EN'"
                + " 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd'>\n"
                + "<html xmlns='http://www.w3.org/1999/xhtml' xml:lang='zh-CN' lang='zh-CN'>\n<head>\n"
                + " <title>" + escape(title) + "</title>\n"
                + " <meta http-equiv='Content-Type' content='text/html;charset=utf-8'/>\n"
                + " <meta name='ocr-system' content='earchive capture (Tesseract)'/>\n"
                + " <meta name='ocr-capabilities' content='ocr_page ocr_line ocrx_word'/>\n"
                + "</head>\n<body>\n" + pages + "</body>\n</html>\n";
    }

    /** Words in reading order grouped into lines: a word whose middle lies within the line's height joins it. */
    static List<List<Word>> lines(List<Word> words) {
        List<List<Word>> lines = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        int top = 0, bottom = 0;
        for (Word w : words) {
            int middle = (w.top() + w.bottom()) / 2;
            if (!current.isEmpty() && (middle < top || middle > bottom)) {
                lines.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                top = w.top();
                bottom = w.bottom();
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }

    private static int[] union(List<Word> line) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0};
        for (Word w : line) {
            box[0] = Math.min(box[0], w.left());
            box[1] = Math.min(box[1], w.top());
            box[2] = Math.max(box[2], w.right());
            box[3] = Math.max(box[3], w.bottom());
        }
        return box;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
