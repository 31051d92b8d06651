package org.earchive.capture.infrastructure.zxing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.BarcodeReader;

/**
 * ZXing over the grey page: QR, Data Matrix, Code 128 and Code 39 (cover sheets and patch-code T sheets), at three
 * resolutions.
 */
public final class ZxingBarcodeReader implements BarcodeReader {
    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(DecodeHintType.class);

    static {
        HINTS.put(
                DecodeHintType.POSSIBLE_FORMATS,
                List.of(
                        BarcodeFormat.QR_CODE,
                        BarcodeFormat.DATA_MATRIX,
                        BarcodeFormat.CODE_128,
                        BarcodeFormat.CODE_39));
        HINTS.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        HINTS.put(DecodeHintType.CHARACTER_SET, "UTF-8");
    }

    /** A code whose narrowest bar or module is at least a third of a millimetre reads at about 150 dpi. */
    private static final int ENOUGH_DPI = 140;

    /**
     * Tries about 75 dpi first (fast, and it reads worn or distorted separator sheets that finer resolutions miss),
     * then about 150 dpi; the full resolution only for a page scanned below ~280 dpi, where the half-resolution pass
     * was too coarse for small codes. Separator and cover sheets are printed with modules of half a millimetre or
     * more, which the 150 dpi pass reads; a full-resolution pass over a 300 dpi page (16 times the pixels of the first
     * pass) cost three quarters of the barcode step on every page that has no code at all, the usual case.
     */
    @Override
    public List<Barcode> read(PageRaster grey) {
        int dpi = grey.known() ? grey.dpi() : 300;
        // each coarser page is made from the next finer one: every pixel of the page is read once
        PageRaster half = dpi / 2 >= 70 ? halve(grey) : null;
        PageRaster quarter = dpi / 4 >= 70 ? halve(half) : null;
        if (quarter != null) {
            List<Barcode> found = decode(quarter);
            if (!found.isEmpty()) {
                return found;
            }
        }
        if (half != null) {
            List<Barcode> found = decode(half);
            if (!found.isEmpty() || dpi / 2 >= ENOUGH_DPI) {
                return found;
            }
        }
        return decode(grey);
    }

    private static List<Barcode> decode(PageRaster grey) {
        LuminanceSource source = new PlanarYUVLuminanceSource(
                grey.data(), grey.width(), grey.height(), 0, 0, grey.width(), grey.height(), false);
        GenericMultipleBarcodeReader reader = new GenericMultipleBarcodeReader(new MultiFormatReader());
        Set<Barcode> out = new LinkedHashSet<>();
        try {
            for (Result r : reader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), HINTS)) {
                out.add(new Barcode(r.getBarcodeFormat().name(), r.getText()));
            }
        } catch (NotFoundException e) {
            // no barcode on this page: the usual case
        }
        return new ArrayList<>(out);
    }

    /** Half the resolution, each pixel the mean of four. */
    private static PageRaster halve(PageRaster grey) {
        int width = grey.width(), w = width / 2, h = grey.height() / 2;
        byte[] src = grey.data();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int top = 2 * y * width, bottom = top + width, o = y * w;
            for (int x = 0; x < w; x++) {
                int i = 2 * x;
                int sum = (src[top + i] & 0xff)
                        + (src[top + i + 1] & 0xff)
                        + (src[bottom + i] & 0xff)
                        + (src[bottom + i + 1] & 0xff);
                out[o + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new PageRaster(w, h, 1, out, grey.xDpi() / 2, grey.yDpi() / 2);
    }
}
