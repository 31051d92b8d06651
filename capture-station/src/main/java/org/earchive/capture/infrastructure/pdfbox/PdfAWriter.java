package org.earchive.capture.infrastructure.pdfbox;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.earchive.capture.pipeline.ArchivalPage;
import org.earchive.capture.pipeline.DocumentMetadata;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.ArchivalPdf;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.pipeline.port.OcrEngine.Word;
import org.earchive.pdfa.PdfA;
import org.earchive.pdfa.PdfAIdentity;

/**
 * Writes one PDF/A-2b document page by page: every page is the cleaned scan (CCITT G4 for plain black text, JPEG where
 * tones or colour matter) under an invisible text layer in an embedded CJK font, with XMP identification, an sRGB
 * output intent and a document ID — the PDF/A essentials in one place. Page streams go to a scratch file, so memory does
 * not grow with the page count.
 */
public final class PdfAWriter implements ArchivalPdf {
    public static final String DEFAULT_FONT = PdfA.CJK_FONT.toString();
    private static final float JPEG_QUALITY = 0.8f;
    private static final String PRODUCER = "earchive capture-station";

    private final PDDocument document;
    private final PdfA.EmbeddedFont embedded;
    private final PDType0Font font;

    public PdfAWriter(Path fontFile) throws IOException {
        document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            embedded = PdfA.embedCjkFont(document, fontFile);
            font = embedded.font();
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    public void addPage(ArchivalPage archival) throws IOException {
        PageRaster image = archival.image();
        float scaleX = 72f / (image.xDpi() > 0 ? image.xDpi() : 300);
        float scaleY = 72f / (image.yDpi() > 0 ? image.yDpi() : 300);
        float width = image.width() * scaleX;
        float height = image.height() * scaleY;
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        PDImageXObject xobject = archival.appearance() == Appearance.BITONAL
                ? CCITTFactory.createFromByteArray(document, g4(bitonal(image)))
                : JPEGFactory.createFromImage(document, image.toImage(), JPEG_QUALITY);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xobject, 0, 0, width, height);
            if (!archival.words().isEmpty()) {
                content.beginText();
                content.setRenderingMode(RenderingMode.NEITHER);
                for (Word word : archival.words()) {
                    placeWord(content, word, scaleX, scaleY, height);
                }
                content.endText();
            }
        }
    }

    /** Sizes a word's invisible text to its box so that selecting and searching line up with the image. */
    private void placeWord(PDPageContentStream content, Word word, float scaleX, float scaleY, float pageHeight)
            throws IOException {
        String text = printable(word.text());
        if (text.isEmpty()) {
            return;
        }
        float boxWidth = (word.right() - word.left()) * scaleX;
        float boxHeight = (word.bottom() - word.top()) * scaleY;
        if (boxWidth <= 0 || boxHeight <= 0) {
            return;
        }
        float size = boxHeight;
        float natural = font.getStringWidth(text) / 1000f * size;
        float stretch = natural > 0 ? boxWidth / natural : 1f;
        content.setFont(font, size);
        float baseline = pageHeight - word.bottom() * scaleY + 0.12f * size;
        content.setTextMatrix(new Matrix(stretch, 0, 0, 1, word.left() * scaleX, baseline));
        content.showText(text);
    }

    /** Drops characters the font cannot encode (rare in OCR output) instead of failing the page. */
    private String printable(String text) {
        if (text.codePoints().noneMatch(Character::isISOControl)) {
            try {
                font.encode(text);
                return text; // the usual case: the whole word encodes, no character by character check
            } catch (IOException | IllegalArgumentException e) {
                // some character is not in the font: filter below
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                if (!Character.isISOControl(cp)) {
                    font.encode(s);
                    out.append(s);
                }
            } catch (IOException | IllegalArgumentException e) {
                // not in the font: left out of the text layer
            }
        });
        return out.toString();
    }

    /** Packs a 0/255 grey raster into a 1-bit image (1 = white), which CCITT G4 encodes directly. */
    private static BufferedImage bitonal(PageRaster raster) {
        BufferedImage image = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_BYTE_BINARY);
        byte[] packed = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int width = raster.width(), stride = (width + 7) / 8, whole = width / 8;
        byte[] d = raster.data();
        for (int y = 0; y < raster.height(); y++) {
            int i = y * width;
            int out = y * stride;
            // a pixel is white when its value is 128 or more, that is when its top bit is set: eight pixels a byte
            for (int b = 0; b < whole; b++, i += 8) {
                packed[out + b] = (byte) ((d[i] & 0x80)
                        | (d[i + 1] & 0x80) >> 1
                        | (d[i + 2] & 0x80) >> 2
                        | (d[i + 3] & 0x80) >> 3
                        | (d[i + 4] & 0x80) >> 4
                        | (d[i + 5] & 0x80) >> 5
                        | (d[i + 6] & 0x80) >> 6
                        | (d[i + 7] & 0x80) >> 7);
            }
            for (int x = whole * 8; x < width; x++, i++) {
                packed[out + (x >> 3)] |= (byte) ((d[i] & 0x80) >> (x & 7));
            }
        }
        return image;
    }

    /**
     * CCITT G4 through the JDK's TIFF writer (one strip), which PDFBox then wraps without decoding: many times
     * faster than PDFBox's own pixel-by-pixel encoder, and the same bytes in the PDF.
     */
    private static byte[] g4(BufferedImage bitonal) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bitonal.getWidth() * bitonal.getHeight() / 64);
        ImageWriter writer = jdkTiffWriter();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("CCITT T.6");
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bitonal), param));
            directory.addTIFFField(new TIFFField(
                    BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP),
                    TIFFTag.TIFF_LONG,
                    1,
                    new long[] {bitonal.getHeight()}));
            writer.write(null, new IIOImage(bitonal, null, directory.getAsMetadata()), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The JDK's own TIFF writer, which honours RowsPerStrip (other plug-ins may be on a class path). */
    private static ImageWriter jdkTiffWriter() {
        var writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter first = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return w;
            }
            first = first == null ? w : first;
        }
        if (first == null) {
            throw new IllegalStateException("no TIFF writer in this JVM");
        }
        return first;
    }

    /** Adds the PDF/A identification, metadata, output intent and ID (the PDF/A kit), then writes the file. */
    public void save(Path target, DocumentMetadata metadata) throws IOException {
        PdfA.identify(document, identity(metadata));
        document.save(target.toFile());
    }

    /** The PDF/A identity of a document the pipeline writes: title, operator, case, source and its digest, producer. */
    static PdfAIdentity identity(DocumentMetadata metadata) {
        List<String> subjects = new ArrayList<>();
        if (metadata.caseNumber() != null) {
            subjects.add("case:" + metadata.caseNumber());
        }
        if (metadata.material() != null) {
            subjects.add("material:" + metadata.material());
        }
        if (metadata.station() != null) {
            subjects.add("station:" + metadata.station());
        }
        return new PdfAIdentity(
                metadata.title(),
                metadata.operator(),
                metadata.caseNumber(),
                subjects,
                metadata.sourceName() == null
                        ? null
                        : metadata.sourceName()
                                + (metadata.sourceSha256() == null ? "" : " sha256:" + metadata.sourceSha256()),
                description(metadata),
                PRODUCER + (metadata.station() == null ? "" : " @ " + metadata.station()),
                PRODUCER,
                metadata.capturedAt(),
                TimeZone.getDefault().toZoneId(),
                PdfA.documentId(metadata.sourceSha256() + "|" + metadata.title() + "|" + metadata.capturedAt()));
    }

    private static String description(DocumentMetadata m) {
        StringBuilder s = new StringBuilder();
        append(s, "case", m.caseNumber());
        append(s, "material", m.material());
        append(s, "station", m.station());
        append(s, "operator", m.operator());
        append(s, "captured", m.capturedAt().toString());
        return s.toString();
    }

    private static void append(StringBuilder s, String key, String value) {
        if (value != null) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(key).append('=').append(value);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            document.close();
        } finally {
            embedded.close();
        }
    }
}
