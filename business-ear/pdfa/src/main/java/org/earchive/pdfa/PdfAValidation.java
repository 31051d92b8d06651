package org.earchive.pdfa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * veraPDF, the reference PDF/A validator (its own parser, not PDFBox's), as a report. Thread-safe: a parser and a
 * validator are made per call; the foundry is initialised once.
 */
public final class PdfAValidation {
    private static final Pattern PAGE = Pattern.compile("pages\\[(\\d+)\\]");
    private static volatile boolean initialised;

    private PdfAValidation() {}

    private static synchronized void initialise() {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
    }

    /** Validates the file against PDF/A-{@code flavour} (e.g. {@code 2b}), whatever it declares. */
    public static ValidationReport validate(Path pdf, String flavour) {
        initialise();
        PDFAFlavour f = PDFAFlavour.fromString(flavour);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), f)) {
            return validate(parser, f);
        } catch (Exception e) {
            return unreadable(flavour, e);
        }
    }

    /**
     * Validates the stream against the flavour it declares in its XMP metadata (read with PDFBox first: veraPDF's own
     * detection fails on a file without metadata instead of saying it is not PDF/A).
     */
    public static ValidationReport validateDeclared(InputStream pdf) {
        Path copy = null;
        try {
            copy = Files.createTempFile("pdfa-", ".pdf");
            Files.copy(pdf, copy, StandardCopyOption.REPLACE_EXISTING);
            Optional<String> declared;
            try (PDDocument doc = Loader.loadPDF(copy.toFile())) {
                declared = declaredFlavour(doc);
            } catch (IOException e) {
                return unreadable("", e);
            }
            if (declared.isEmpty()) {
                return new ValidationReport(
                        "",
                        false,
                        List.of(new ValidationReport.Violation(
                                "pdfaid",
                                "6.6.4",
                                "no PDF/A identification (pdfaid) in the XMP metadata: not PDF/A",
                                null,
                                1)));
            }
            return validate(copy, declared.get());
        } catch (IOException e) {
            return unreadable("", e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a temporary copy
                }
            }
        }
    }

    /** The flavour the XMP's pdfaid names, e.g. {@code 2b}; empty when it names none or one veraPDF does not know. */
    private static Optional<String> declaredFlavour(PDDocument doc) {
        try {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return Optional.empty();
            }
            XMPMetadata xmp;
            try (InputStream in = metadata.exportXMPMetadata()) {
                DomXmpParser parser = new DomXmpParser();
                parser.setStrictParsing(false);
                xmp = parser.parse(in);
            }
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            if (id == null || id.getPart() == null || id.getConformance() == null) {
                return Optional.empty();
            }
            String flavour = id.getPart() + id.getConformance().toLowerCase();
            return PDFAFlavour.fromString(flavour) == PDFAFlavour.NO_FLAVOUR ? Optional.empty() : Optional.of(flavour);
        } catch (IOException | XmpParsingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ValidationReport validate(PDFAParser parser, PDFAFlavour flavour) throws Exception {
        try (PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<RuleId, Integer> failed = result.getFailedChecks();
            Map<RuleId, ValidationReport.Violation> violations = new LinkedHashMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED || violations.containsKey(a.getRuleId())) {
                    continue;
                }
                RuleId r = a.getRuleId();
                violations.put(
                        r,
                        new ValidationReport.Violation(
                                r.getClause() + "-" + r.getTestNumber(),
                                r.getClause(),
                                a.getMessage(),
                                page(a),
                                failed.getOrDefault(r, 1)));
            }
            return new ValidationReport(id(flavour), result.isCompliant(), new ArrayList<>(violations.values()));
        }
    }

    /** The page (from 1) in the assertion's location, e.g. {@code root/document[0]/pages[2]/…}; null if none. */
    private static Integer page(TestAssertion a) {
        if (a.getLocation() == null || a.getLocation().getContext() == null) {
            return null;
        }
        Matcher m = PAGE.matcher(a.getLocation().getContext());
        return m.find() ? Integer.parseInt(m.group(1)) + 1 : null;
    }

    private static String id(PDFAFlavour flavour) {
        return flavour.getPart().getPartNumber() + flavour.getLevel().getCode().toLowerCase();
    }

    private static ValidationReport unreadable(String flavour, Exception e) {
        String why = e instanceof ModelParsingException
                ? "not a readable PDF"
                : e.getClass().getSimpleName();
        return new ValidationReport(
                flavour,
                false,
                List.of(new ValidationReport.Violation(
                        "parse", "", "veraPDF could not read the file (" + why + "): " + e.getMessage(), null, 1)));
    }
}
