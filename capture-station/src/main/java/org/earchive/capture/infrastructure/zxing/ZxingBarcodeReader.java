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
    HINTS.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX,
        BarcodeFormat.CODE_128, BarcodeFormat.CODE_39));
    HINTS.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    HINTS.put(DecodeHintType.CHARACTER_SET, "UTF-8");
  }

  /**
   * Tries about 75 dpi first (fast, and it reads worn or distorted separator sheets that finer resolutions miss),
   * then about 150 dpi, then the full resolution for small codes.
   */
  @Override
  public List<Barcode> read(PageRaster grey) {
    int dpi = grey.known() ? grey.dpi() : 300;
    for (int factor : new int[] {4, 2}) {
      if (dpi / factor >= 70) {
        List<Barcode> found = decode(downscale(grey, factor));
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return decode(grey);
  }

  private static List<Barcode> decode(PageRaster grey) {
    LuminanceSource source = new PlanarYUVLuminanceSource(grey.data(), grey.width(), grey.height(), 0, 0,
        grey.width(), grey.height(), false);
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

  private static PageRaster downscale(PageRaster grey, int f) {
    int w = grey.width() / f, h = grey.height() / f;
    byte[] src = grey.data();
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sum = 0;
        for (int dy = 0; dy < f; dy++) {
          int row = (y * f + dy) * grey.width() + x * f;
          for (int dx = 0; dx < f; dx++) {
            sum += src[row + dx] & 0xff;
          }
        }
        out[y * w + x] = (byte) (sum / (f * f));
      }
    }
    return new PageRaster(w, h, 1, out, grey.xDpi() / f, grey.yDpi() / f);
  }
}
