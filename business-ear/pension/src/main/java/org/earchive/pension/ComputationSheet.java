package org.earchive.pension;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * The computation sheet (养老金核定表) as PDF/A-2b: text in an embedded CJK font (WenQuanYi Zen Hei, the font the
 * launcher installs), XMP identification, an sRGB output intent. The archive's four-property check validates it with
 * veraPDF like any other file.
 */
final class ComputationSheet {
    static final Path FONT =
            Path.of(System.getProperty("earchive.pension.font", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ComputationSheet() {}

    static byte[] render(String title, List<String> lines, String caseNumber, String reviewer, Instant at, ZoneId zone)
            throws IOException {
        if (!Files.isReadable(FONT)) {
            throw new IOException("the CJK font " + FONT + " is not installed (Debian package fonts-wqy-zenhei)");
        }
        try (PDDocument doc = new PDDocument();
                TrueTypeCollection collection = new TrueTypeCollection(FONT.toFile())) {
            TrueTypeFont ttf = collection.getFontByName("WenQuanYiZenHei");
            if (ttf == null) {
                throw new IOException("font WenQuanYiZenHei not found in " + FONT);
            }
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(font, 16);
                s.newLineAtOffset(60, 780);
                s.showText(title);
                s.setFont(font, 10.5f);
                s.setLeading(17);
                s.newLine();
                s.newLine();
                for (String line : lines) {
                    s.showText(line);
                    s.newLine();
                }
                s.newLine();
                s.showText("核定人 Reviewer: " + reviewer + "    核定时间 Computed: " + MINUTE.format(at.atZone(zone)));
                s.endText();
            }
            Calendar when = GregorianCalendar.from(at.atZone(zone));
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            try {
                PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
                id.setPart(2);
                id.setConformance("B");
                DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
                dc.setTitle(title);
                dc.setFormat("application/pdf");
                dc.setIdentifier(caseNumber);
                dc.addCreator(reviewer);
                dc.addSubject("case:" + caseNumber);
                dc.addSubject("material:" + PensionService.SHEET);
                dc.addDate(when);
                XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
                basic.setCreateDate(when);
                basic.setModifyDate(when);
                basic.setMetadataDate(when);
                basic.setCreatorTool("earchive pension");
            } catch (org.apache.xmpbox.type.BadFieldValueException e) {
                throw new IOException("XMP metadata: " + e.getMessage(), e);
            }
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            try {
                new XmpSerializer().serialize(xmp, xml, true);
            } catch (javax.xml.transform.TransformerException e) {
                throw new IOException("XMP metadata: " + e.getMessage(), e);
            }
            PDMetadata md = new PDMetadata(doc);
            md.importXMPMetadata(xml.toByteArray());
            doc.getDocumentCatalog().setMetadata(md);
            var info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(reviewer);
            info.setCreator("earchive pension");
            info.setCreationDate(when);
            info.setModificationDate(when);
            PDOutputIntent intent = new PDOutputIntent(
                    doc,
                    new ByteArrayInputStream(
                            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
            doc.getDocumentCatalog().setLanguage("zh-CN");
            byte[] fileId;
            try {
                fileId = java.security.MessageDigest.getInstance("MD5")
                        .digest((caseNumber + "|" + at + "|" + String.join("\n", lines))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(fileId));
            ids.add(new org.apache.pdfbox.cos.COSString(fileId));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
