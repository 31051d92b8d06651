package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.earchive.capture.testing.FormScans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Word positions that are right: the invisible text layer of the PDF/A and the hOCR sidecar place each word where the
 * generator drew it — intersection over union ≥ 0.5 for ≥ 95% of the drawn strings (the title, each field's label and
 * value, each line of body text) of forms no other test reads.
 */
class TextLayerPositionTest {
    private static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pipeline = PipelineFixture.pipeline("chi_sim");
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void theTextLayerAndTheHocrPlaceEachWordWhereItWasDrawn() throws Exception {
        List<Double> layer = new ArrayList<>();
        List<Double> hocr = new ArrayList<>();
        for (long seed : new long[] {7001, 7002}) {
            FormScans.Scan form = FormScans.form(seed, false);
            Path input = FormScans.tiff(dir.resolve("form-" + seed + ".tif"), List.of(form.image()), 300);
            Path out = dir.resolve("out-" + seed);
            Files.createDirectories(out);
            CaptureResult r = pipeline.process(input, out, Pipeline.Context.none());
            assertTrue(r.error() == null, () -> r.errorMessage());
            List<Glyph> glyphs = glyphs(r.documents().get(0).file(), 300);
            List<Glyph> words = hocrWords(out.resolve("form-" + seed + ".hocr"));
            for (FormScans.TruthWord truth : form.words()) {
                layer.add(iou(truth, found(glyphs, truth)));
                hocr.add(iou(truth, found(words, truth)));
            }
        }
        assertEquals(34, layer.size(), "17 strings a form: the title, four labels and values, eight lines");
        double layerShare = layer.stream().filter(v -> v >= 0.5).count() / (double) layer.size();
        double hocrShare = hocr.stream().filter(v -> v >= 0.5).count() / (double) hocr.size();
        System.out.printf(
                "word positions: text layer IoU ≥ 0.5 for %.1f%% (mean %.2f), hOCR %.1f%% (mean %.2f) of %d words%n",
                100 * layerShare,
                layer.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                100 * hocrShare,
                hocr.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                layer.size());
        assertTrue(layerShare >= 0.95, "text layer: IoU ≥ 0.5 for " + layerShare + " of the words: " + layer);
        assertTrue(hocrShare >= 0.95, "hOCR: IoU ≥ 0.5 for " + hocrShare + " of the words: " + hocr);
    }

    /** A character (or an hOCR word's text) and its box in page pixels. */
    record Glyph(String text, double left, double top, double right, double bottom) {}

    /** The text layer's characters with their boxes, from PDF points to the scan's pixels. */
    static List<Glyph> glyphs(Path pdf, int dpi) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        double scale = dpi / 72.0;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        // the font size the layer set (the word box's height); the text matrix stretches x only
                        double size = p.getYScale();
                        // the layer's glyphs are sized to the word's box height; their baseline sits 12% above its
                        // bottom
                        double bottom = p.getYDirAdj() + 0.12 * size;
                        glyphs.add(new Glyph(
                                p.getUnicode(),
                                p.getXDirAdj() * scale,
                                (bottom - size) * scale,
                                (p.getXDirAdj() + p.getWidthDirAdj()) * scale,
                                bottom * scale));
                    }
                }
            };
            stripper.setSortByPosition(false);
            stripper.getText(d);
        }
        return glyphs;
    }

    static List<Glyph> hocrWords(Path hocr) throws IOException {
        List<Glyph> words = new ArrayList<>();
        Matcher m = Pattern.compile("class='ocrx_word'[^>]*title='bbox (\\d+) (\\d+) (\\d+) (\\d+)[^']*'>([^<]*)<")
                .matcher(Files.readString(hocr));
        while (m.find()) {
            words.add(new Glyph(
                    m.group(5),
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))));
        }
        return words;
    }

    /**
     * The union box of the run of glyphs whose text is the drawn string's (spaces aside), or null if it was not read;
     * a string drawn twice (the generator repeats body lines) is the occurrence nearest where it was drawn.
     */
    static double[] found(List<Glyph> glyphs, FormScans.TruthWord truth) {
        String wanted = truth.text().replaceAll("\\s+", "");
        StringBuilder joined = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            String t = glyphs.get(i).text().replaceAll("\\s+", "");
            joined.append(t);
            for (int k = 0; k < t.length(); k++) {
                owner.add(i);
            }
        }
        double[] best = null;
        for (int at = joined.indexOf(wanted); at >= 0; at = joined.indexOf(wanted, at + 1)) {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, 0, 0};
            for (int k = at; k < at + wanted.length(); k++) {
                Glyph g = glyphs.get(owner.get(k));
                box[0] = Math.min(box[0], g.left());
                box[1] = Math.min(box[1], g.top());
                box[2] = Math.max(box[2], g.right());
                box[3] = Math.max(box[3], g.bottom());
            }
            double middle = (truth.top() + truth.bottom()) / 2.0;
            if (best == null || Math.abs((box[1] + box[3]) / 2 - middle) < Math.abs((best[1] + best[3]) / 2 - middle)) {
                best = box;
            }
        }
        return best;
    }

    static double iou(FormScans.TruthWord t, double[] b) {
        if (b == null) {
            return 0;
        }
        double w = Math.min(t.right(), b[2]) - Math.max(t.left(), b[0]);
        double h = Math.min(t.bottom(), b[3]) - Math.max(t.top(), b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = (t.right() - t.left()) * (double) (t.bottom() - t.top()) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return inter / union;
    }
}
