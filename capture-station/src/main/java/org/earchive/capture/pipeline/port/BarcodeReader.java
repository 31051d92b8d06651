package org.earchive.capture.pipeline.port;

import java.util.List;
import org.earchive.capture.pipeline.PageRaster;

/** Finds the barcodes on a page (QR, Code 128, Code 39, Data Matrix), for separator and cover sheets. */
public interface BarcodeReader {
    List<Barcode> read(PageRaster grey);

    /** @param format the symbology, e.g. QR_CODE, CODE_128 */
    record Barcode(String format, String text) {}
}
