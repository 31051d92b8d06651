package org.earchive.capture.infrastructure.verapdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earchive.capture.pipeline.port.PdfAValidator;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * veraPDF, the PDF/A reference validator, against one flavour (PDF/A-2b for what the station writes). Thread-safe: a
 * validator is created per call; the foundry is initialised once.
 */
public final class VeraPdfValidator implements PdfAValidator {
    private static volatile boolean initialised;
    private final PDFAFlavour flavour;

    public VeraPdfValidator() {
        this(PDFAFlavour.PDFA_2_B);
    }

    public VeraPdfValidator(PDFAFlavour flavour) {
        this.flavour = flavour;
        initialise();
    }

    private static synchronized void initialise() {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
    }

    @Override
    public Report validate(Path pdf) {
        String id =
                flavour.getPart().getPartNumber() + flavour.getLevel().getCode().toLowerCase();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<Violation> violations = new ArrayList<>();
            Map<RuleId, Integer> failed = result.getFailedChecks();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    RuleId r = a.getRuleId();
                    String rule = r.getClause() + "-" + r.getTestNumber();
                    if (violations.stream().noneMatch(v -> v.rule().equals(rule))) {
                        violations.add(new Violation(rule, a.getMessage(), failed.getOrDefault(r, 1)));
                    }
                }
            }
            return new Report(result.isCompliant(), id, List.copyOf(violations));
        } catch (Exception e) {
            return new Report(
                    false,
                    id,
                    List.of(new Violation("parse", "veraPDF could not read the file: " + e.getMessage(), 1)));
        }
    }
}
