package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.check.CheckCode;
import org.earchive.archive.domain.model.check.Property;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.service.PageRenderer;
import org.earchive.archive.domain.service.PdfAValidator;
import org.earchive.archive.domain.service.VirusScanner;
import org.earchive.pdfa.ValidationReport;

/**
 * The usability and security rules of the four-property check for one file's content: its real format against the
 * declared one, PDF/A by veraPDF or an archival image format, every page renders, no virus. They read a local copy.
 */
@Dependent
public class ContentRules {
    /** The failed PDF/A rules a report names (the rest are counted in the stored report). */
    private static final int MAX_PDFA_PROBLEMS = 5;
    /** Formats kept for the long term (DA/T 31, DA/T 70): PDF/A (checked by veraPDF), TIFF, JPEG, JPEG 2000. */
    static final Set<String> ARCHIVAL_IMAGES = Set.of("image/tiff", "image/jpeg", "image/jp2");

    @Inject
    PdfAValidator pdfa;

    @Inject
    VirusScanner scanner;

    @Inject
    PageRenderer renderer;

    void contentItems(String contentType, String role, String subject, ObjectRead read, List<Item> items) {
        String format = sniff(read.head());
        String declared = contentType == null
                ? ""
                : contentType.toLowerCase().split(";")[0].strip();
        boolean formatMatches =
                format.equals(declared) || (format.equals("image/tiff") && declared.equals("image/tif"));
        items.add(CheckItems.item(
                Property.AUTHENTICITY,
                subject,
                CheckCode.FORMAT,
                formatMatches,
                formatMatches
                        ? "the content is " + format + " as recorded"
                        : "recorded as " + declared + ", the content is " + format));
        usabilityItem(format, role, subject, read, items);
        rendersItem(format, subject, read, items);
        virusItem(subject, read, items);
    }

    /** PDF: valid PDF/A (veraPDF); anything else: an archival image format, or the original kept beside its PDF/A. */
    private void usabilityItem(String format, String role, String subject, ObjectRead read, List<Item> items) {
        if (format.equals("application/pdf")) {
            ValidationReport result = withCopy(
                    read,
                    pdfa::validate,
                    new ValidationReport(
                            "", false, List.of(new ValidationReport.Violation("parse", "", "unreadable", null, 1))));
            // an original (a scanner's own PDF, an applicant's file) is kept as received beside its PDF/A rendition:
            // it need not be PDF/A itself, as an original photo need not be an archival image format
            boolean original = CaseDocument.ORIGINAL.equals(role);
            String problems =
                    (result.flavour().isEmpty() ? "" : "PDF/A-" + result.flavour() + " declared but invalid: ")
                            + result.summary(MAX_PDFA_PROBLEMS);
            items.add(CheckItems.item(
                    Property.USABILITY,
                    subject,
                    CheckCode.PDFA,
                    result.compliant() || original,
                    result.compliant()
                            ? "PDF/A-" + result.flavour() + " (veraPDF)"
                            : original
                                    ? "original kept as received (a PDF, not PDF/A); its archival rendition is the"
                                            + " PDF/A"
                                    : problems));
        } else {
            boolean archival = ARCHIVAL_IMAGES.contains(format);
            boolean original = CaseDocument.ORIGINAL.equals(role);
            items.add(CheckItems.item(
                    Property.USABILITY,
                    subject,
                    CheckCode.ARCHIVAL_FORMAT,
                    archival || original,
                    archival
                            ? format + " is an archival image format"
                            : original
                                    ? "original scan kept as received (" + format
                                            + "); its archival rendition is the PDF/A"
                                    : format + " is not an archival format (PDF/A, OFD, TIFF, JPEG, JPEG 2000)"));
        }
    }

    private void rendersItem(String format, String subject, ObjectRead read, List<Item> items) {
        int pages = 0;
        String problem = "no page";
        try (InputStream in = Files.newInputStream(read.copy())) {
            pages = renderer.renders(in, format);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        items.add(CheckItems.item(
                Property.USABILITY,
                subject,
                CheckCode.RENDERS,
                pages > 0,
                pages > 0 ? pages + " page(s) open and render" : "does not render: " + problem));
    }

    private void virusItem(String subject, ObjectRead read, List<Item> items) {
        VirusScanner.Verdict verdict =
                withCopy(read, scanner::scan, new VirusScanner.Verdict(VirusScanner.Outcome.UNAVAILABLE, "unreadable"));
        boolean clean = verdict.outcome() == VirusScanner.Outcome.CLEAN
                || verdict.outcome() == VirusScanner.Outcome.NOT_INSTALLED;
        items.add(CheckItems.item(
                Property.SECURITY,
                subject,
                CheckCode.VIRUS_SCAN,
                clean,
                switch (verdict.outcome()) {
                    case CLEAN -> "no virus found (" + scanner.describe() + ")";
                    case INFECTED -> "virus found: " + verdict.detail();
                    case NOT_INSTALLED -> "not scanned: " + verdict.detail();
                    case UNAVAILABLE -> CheckItems.SCAN_COULD_NOT_RUN + ": " + verdict.detail();
                }));
    }

    private static <T> T withCopy(ObjectRead read, Function<InputStream, T> use, T onFailure) {
        try (InputStream in = Files.newInputStream(read.copy())) {
            return use.apply(in);
        } catch (IOException e) {
            return onFailure;
        }
    }

    /** The real format from the first bytes. */
    static String sniff(byte[] head) {
        if (starts(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(head, new byte[] {'I', 'I', 42, 0}) || starts(head, new byte[] {'M', 'M', 0, 42})) {
            return "image/tiff";
        }
        if (starts(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (starts(head, new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' '})
                || starts(head, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51})) {
            return "image/jp2";
        }
        if (starts(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    private static boolean starts(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
