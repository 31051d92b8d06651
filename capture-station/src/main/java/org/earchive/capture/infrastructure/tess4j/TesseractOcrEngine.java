package org.earchive.capture.infrastructure.tess4j;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.OcrEngine;

/**
 * Tesseract through Tess4J's raw C API. The high-level Tess4J calls that take a BufferedImage need a newer Leptonica
 * than Debian 12's; the raw API with an 8-bit grey buffer works on both, and gives words, boxes and confidences from
 * the result iterator. One instance is one engine handle: not thread-safe.
 */
public final class TesseractOcrEngine implements OcrEngine {
    /**
     * The interface mapping resolves each C function when first called; Tess4J's direct mapping (TessAPI1) binds all of
     * them up front and fails on Debian 12's Tesseract 5.3, which lacks the newer renderers.
     */
    private static final TessAPI API = TessAPI.INSTANCE;

    public static final String DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    private final String tessdata;
    private final String language;
    private TessBaseAPI handle;
    private TessBaseAPI osd;
    private ByteBuffer buffer;

    /**
     * @param pageSegmentation Tesseract's page segmentation mode: 4 (one column of text of varying sizes) suits forms
     *     and certificates, 3 (fully automatic) suits multi-column pages
     */
    public TesseractOcrEngine(String tessdata, String language, int pageSegmentation) {
        this.tessdata = tessdata;
        this.language = language;
        handle = API.TessBaseAPICreate();
        if (API.TessBaseAPIInit2(handle, tessdata, language, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
            API.TessBaseAPIDelete(handle);
            handle = null;
            throw new IllegalStateException("Tesseract could not load language '" + language + "' from " + tessdata
                    + " (install tesseract-ocr-" + language.replace('_', '-').toLowerCase() + ")");
        }
        API.TessBaseAPISetPageSegMode(handle, pageSegmentation);
        // keeps the spaces between words of Latin text as they were; Chinese has none to lose
        API.TessBaseAPISetVariable(handle, "preserve_interword_spaces", "1");
    }

    /** A factory for the pipeline's worker threads. */
    public static OcrEngine.Factory factory(String tessdata, String language, int pageSegmentation) {
        return () -> new TesseractOcrEngine(tessdata, language, pageSegmentation);
    }

    @Override
    public OcrResult recognise(PageRaster grey) {
        setImage(handle, grey);
        if (API.TessBaseAPIRecognize(handle, null) != 0) {
            throw new IllegalStateException("Tesseract failed to recognise the page");
        }
        List<Word> words = new ArrayList<>();
        double confidenceSum = 0;
        TessResultIterator ri = API.TessBaseAPIGetIterator(handle);
        if (ri != null) {
            try {
                TessPageIterator pi = API.TessResultIteratorGetPageIterator(ri);
                IntBuffer l = IntBuffer.allocate(1),
                        t = IntBuffer.allocate(1),
                        r = IntBuffer.allocate(1),
                        b = IntBuffer.allocate(1);
                int level = ITessAPI.TessPageIteratorLevel.RIL_WORD;
                do {
                    Pointer p = API.TessResultIteratorGetUTF8Text(ri, level);
                    if (p == null) {
                        continue;
                    }
                    String text = p.getString(0, "UTF-8");
                    API.TessDeleteText(p);
                    if (text.isBlank()) {
                        continue;
                    }
                    API.TessPageIteratorBoundingBox(pi, level, l, t, r, b);
                    float confidence = API.TessResultIteratorConfidence(ri, level);
                    words.add(new Word(text.strip(), l.get(0), t.get(0), r.get(0), b.get(0), confidence));
                    confidenceSum += confidence;
                } while (API.TessPageIteratorNext(pi, level) == ITessAPI.TRUE);
            } finally {
                API.TessResultIteratorDelete(ri);
            }
        }
        Pointer textPointer = API.TessBaseAPIGetUTF8Text(handle);
        String text = textPointer == null ? "" : textPointer.getString(0, "UTF-8");
        if (textPointer != null) {
            API.TessDeleteText(textPointer);
        }
        API.TessBaseAPIClear(handle);
        float mean = words.isEmpty() ? 0f : (float) (confidenceSum / words.size());
        return new OcrResult(text.strip(), List.copyOf(words), mean);
    }

    @Override
    public Orientation orientation(PageRaster grey) {
        if (osd == null) {
            osd = API.TessBaseAPICreate();
            if (API.TessBaseAPIInit2(osd, tessdata, "osd", ITessAPI.TessOcrEngineMode.OEM_TESSERACT_ONLY) != 0) {
                API.TessBaseAPIDelete(osd);
                osd = null;
                throw new IllegalStateException(
                        "Tesseract could not load 'osd' from " + tessdata + " (install tesseract-ocr-osd)");
            }
            API.TessBaseAPISetPageSegMode(osd, ITessAPI.TessPageSegMode.PSM_OSD_ONLY);
        }
        setImage(osd, grey);
        IntBuffer degrees = IntBuffer.allocate(1);
        FloatBuffer degreesConfidence = FloatBuffer.allocate(1);
        PointerByReference script = new PointerByReference();
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        int ok = API.TessBaseAPIDetectOrientationScript(osd, degrees, degreesConfidence, script, scriptConfidence);
        API.TessBaseAPIClear(osd);
        if (ok == 0) {
            return new Orientation(0, 0f); // too little text to tell: leave the page as it is
        }
        // Tesseract reports how far the page must turn counter-clockwise to read upright (checked against cardinal.pdf)
        int rotate = ((degrees.get(0) % 360) + 360) % 360;
        return new Orientation(rotate, degreesConfidence.get(0));
    }

    private void setImage(TessBaseAPI api, PageRaster grey) {
        if (grey.channels() != 1) {
            throw new IllegalArgumentException("Tesseract is given grey pages only");
        }
        int size = grey.data().length;
        if (buffer == null || buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(size);
        }
        buffer.clear();
        buffer.put(grey.data()).flip();
        API.TessBaseAPISetImage(api, buffer, grey.width(), grey.height(), 1, grey.width());
        API.TessBaseAPISetSourceResolution(api, grey.known() ? grey.dpi() : 300);
    }

    @Override
    public void close() {
        if (handle != null) {
            API.TessBaseAPIEnd(handle);
            API.TessBaseAPIDelete(handle);
            handle = null;
        }
        if (osd != null) {
            API.TessBaseAPIEnd(osd);
            API.TessBaseAPIDelete(osd);
            osd = null;
        }
        buffer = null;
    }
}
