package org.earchive.pdfa;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/** Makes a PDFBox document PDF/A-2b: the rules every producer of archival PDFs here follows, written once. */
public final class PdfA {
    /** WenQuanYi Zen Hei, the CJK font the launcher installs (Debian package fonts-wqy-zenhei). */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private static final String CJK_FONT_NAME = "WenQuanYiZenHei";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfA() {}

    /** A font embedded (as a subset) in a document; close it after the document is saved. */
    public record EmbeddedFont(PDType0Font font, AutoCloseable source) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                source.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** Embeds the CJK font of {@code fontFile} (a TrueType collection holding WenQuanYi Zen Hei) into the document. */
    public static EmbeddedFont embedCjkFont(PDDocument document, Path fontFile) throws IOException {
        TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile());
        try {
            TrueTypeFont ttf = collection.getFontByName(CJK_FONT_NAME);
            if (ttf == null) {
                throw new IOException("font " + CJK_FONT_NAME + " not found in " + fontFile);
            }
            return new EmbeddedFont(PDType0Font.load(document, ttf, true), collection);
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
    }

    /**
     * Writes the PDF/A-2b identification and the document's metadata into the XMP packet and the info dictionary (the
     * two agree), adds the sRGB output intent, the language (zh-CN) and the trailer's document ID. Call it once, just
     * before saving.
     */
    public static void identify(PDDocument document, PdfAIdentity id) throws IOException {
        Calendar when = GregorianCalendar.from(id.created().atZone(id.zone()));
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfaid = xmp.createAndAddPDFAIdentificationSchema();
            pdfaid.setPart(2);
            pdfaid.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(id.title());
            dc.setFormat("application/pdf");
            if (id.author() != null) {
                dc.addCreator(id.author());
            }
            if (id.identifier() != null) {
                dc.setIdentifier(id.identifier());
            }
            id.subjects().forEach(dc::addSubject);
            if (id.source() != null) {
                dc.setSource(id.source());
            }
            if (id.description() != null) {
                dc.setDescription(id.description());
            }
            dc.addDate(when);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(when);
            basic.setModifyDate(when);
            basic.setMetadataDate(when);
            basic.setCreatorTool(id.creatorTool());
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(id.producer());
        } catch (BadFieldValueException | RuntimeException e) {
            throw new IOException("XMP metadata: " + e.getMessage(), e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (TransformerException e) {
            throw new IOException("XMP metadata: " + e.getMessage(), e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xml.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(id.title());
        info.setProducer(id.producer());
        info.setCreator(id.creatorTool());
        if (id.author() != null) {
            info.setAuthor(id.author());
        }
        info.setCreationDate(when);
        info.setModificationDate(when);

        PDOutputIntent intent = new PDOutputIntent(
                document,
                new ByteArrayInputStream(
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
        document.getDocumentCatalog().setLanguage("zh-CN");

        COSArray ids = new COSArray();
        ids.add(new COSString(id.documentId()));
        ids.add(new COSString(id.documentId()));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** A document ID (16 bytes) derived from what makes the document unique. */
    public static byte[] documentId(String uniqueText) {
        try {
            return MessageDigest.getInstance("MD5").digest(uniqueText.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks MD5", e);
        }
    }
}
