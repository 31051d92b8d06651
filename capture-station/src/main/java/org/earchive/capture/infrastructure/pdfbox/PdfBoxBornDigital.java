package org.earchive.capture.infrastructure.pdfbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.earchive.capture.pipeline.DocumentMetadata;
import org.earchive.capture.pipeline.port.BornDigitalPdf;
import org.earchive.pdfa.PdfA;

/**
 * A born-digital PDF kept as it is, with PDFBox: every page must have text and name only embedded fonts; a file with
 * encryption, JavaScript, attachments or an earlier output intent is left to the drawn path. The PDF/A identification,
 * sRGB output intent and metadata are added; the pipeline validates the result with veraPDF before it is used.
 */
public final class PdfBoxBornDigital implements BornDigitalPdf {
    @Override
    public Optional<List<String>> keep(Path input, Path target, DocumentMetadata metadata) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(input.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.isEncrypted() || pdf.getNumberOfPages() == 0 || !plain(pdf.getDocumentCatalog())) {
                return Optional.empty();
            }
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                PDPage page = pdf.getPage(i);
                if (!fontsEmbedded(page.getResources())) {
                    return Optional.empty();
                }
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = stripper.getText(pdf).strip();
                if (text.isEmpty()) {
                    return Optional.empty(); // a scanned page inside: it needs OCR
                }
                texts.add(text);
            }
            PdfA.identify(pdf, PdfAWriter.identity(metadata));
            pdf.save(target.toFile());
            return Optional.of(texts);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            return Optional.empty(); // unreadable here: the drawn path reports what is wrong with it
        }
    }

    /** No scripts, attachments or output intents of its own (PDF/A-2b forbids the first, we add the last). */
    private static boolean plain(PDDocumentCatalog catalog) throws IOException {
        var names = catalog.getCOSObject().getCOSDictionary(COSName.NAMES);
        return (names == null
                        || (names.getDictionaryObject(COSName.JAVA_SCRIPT) == null
                                && names.getDictionaryObject(COSName.EMBEDDED_FILES) == null))
                && catalog.getOpenAction() == null
                && catalog.getOutputIntents().isEmpty();
    }

    private static boolean fontsEmbedded(PDResources resources) throws IOException {
        if (resources == null) {
            return false;
        }
        boolean any = false;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font == null || !font.isEmbedded()) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
