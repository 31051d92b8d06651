package org.earchive.capture.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.earchive.capture.pipeline.CaptureResult;
import org.earchive.capture.pipeline.PageOutcome;
import org.earchive.capture.pipeline.fields.Field;
import org.earchive.capture.testing.FormScans;

/**
 * How well the forms' fields are read: the citizen ID as a checked field (exact), the ID anywhere in the text layer
 * (what a search for the person finds), the name and the application date (exact). A field reported unreadable
 * counts as a miss, never as a wrong value; a wrong value is counted on its own.
 */
final class FieldScores {
    record Score(int pages, int idExact, int idWrong, int idInLayer, int nameExact, int dateExact) {
        String line(String who) {
            return String.format(
                    "%s: citizen ID field exact %d/%d (%.1f%%), wrong %d; ID in the text layer %d/%d (%.1f%%); name exact"
                            + " %d/%d; application date exact %d/%d",
                    who,
                    idExact,
                    pages,
                    100.0 * idExact / pages,
                    idWrong,
                    idInLayer,
                    pages,
                    100.0 * idInLayer / pages,
                    nameExact,
                    pages,
                    dateExact,
                    pages);
        }
    }

    private FieldScores() {}

    static Score pipeline(CaptureResult r, List<FormScans.Scan> scans, Path pdf) throws IOException {
        int exact = 0, wrong = 0, name = 0, date = 0;
        List<PageOutcome> pages = r.pages().stream().filter(p -> !p.blank()).toList();
        for (int i = 0; i < scans.size() && i < pages.size(); i++) {
            FormScans.Scan s = scans.get(i);
            Field id = pages.get(i).fields().citizenId();
            if (id != null && id.readable()) {
                if (id.value().equals(FormScans.citizenId(s))) {
                    exact++;
                } else {
                    wrong++;
                }
            }
            Field n = pages.get(i).fields().name();
            name += n != null && FormScans.name(s).equals(n.value()) ? 1 : 0;
            date += pages.get(i).fields().dates().stream()
                            .anyMatch(d -> FormScans.applicationDate(s).equals(d.value()))
                    ? 1
                    : 0;
        }
        return new Score(scans.size(), exact, wrong, inLayer(pdf, scans), name, date);
    }

    /** Pages whose text layer holds the whole ID (spaces aside): what OCRmyPDF is compared on. */
    static int inLayer(Path pdf, List<FormScans.Scan> scans) throws IOException {
        int found = 0;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < scans.size() && i < d.getNumberOfPages(); i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                found += stripper.getText(d).replaceAll("\\s+", "").contains(FormScans.citizenId(scans.get(i))) ? 1 : 0;
            }
        }
        return found;
    }

    /** Employer forms: the credit code as a checked field, exact; a wrong value counted on its own. */
    static String creditCodes(CaptureResult r, List<FormScans.Scan> scans) {
        int exact = 0, wrong = 0;
        List<PageOutcome> pages = r.pages().stream().filter(p -> !p.blank()).toList();
        for (int i = 0; i < scans.size() && i < pages.size(); i++) {
            Field code = pages.get(i).fields().creditCode();
            if (code != null && code.readable()) {
                if (code.value().equals(FormScans.creditCode(scans.get(i)))) {
                    exact++;
                } else {
                    wrong++;
                }
            }
        }
        return String.format(
                "earchive fields: credit code exact %d/%d (%.1f%%), wrong %d (employer forms)",
                exact, scans.size(), 100.0 * exact / scans.size(), wrong);
    }
}
