package org.earchive.archive.infrastructure.verapdf;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.domain.service.PdfAValidator;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the reference PDF/A validator, against the flavour the file declares in its XMP. A PDF that declares none
 * is not PDF/A: that is the answer, not an error.
 */
@ApplicationScoped
public class VeraPdfValidator implements PdfAValidator {
    private static final int MAX_PROBLEMS = 5;
    private static volatile boolean initialised;

    private static synchronized void initialise() {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
    }

    @Override
    public Result validate(InputStream pdf) {
        initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf)) {
            PDFAFlavour flavour = parser.getFlavour();
            if (flavour == null || flavour == PDFAFlavour.NO_FLAVOUR) {
                return new Result(
                        false, "", List.of("no PDF/A identification (pdfaid) in the XMP metadata: not PDF/A"));
            }
            String id = flavour.getPart().getPartNumber()
                    + flavour.getLevel().getCode().toLowerCase();
            try (PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                List<String> problems = new ArrayList<>();
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED && problems.size() < MAX_PROBLEMS) {
                        String rule =
                                a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                        String line = rule + ": " + a.getMessage();
                        if (!problems.contains(line)) {
                            problems.add(line);
                        }
                    }
                }
                return new Result(result.isCompliant(), id, List.copyOf(problems));
            }
        } catch (Exception e) {
            return new Result(false, "", List.of("veraPDF could not read the file: " + e.getMessage()));
        }
    }
}
