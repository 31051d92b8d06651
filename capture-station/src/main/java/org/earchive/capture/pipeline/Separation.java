package org.earchive.capture.pipeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;

/**
 * Which barcodes split a stack into documents. A patch-code T sheet ({@code PATCHT}, the convention of capture
 * software) starts a new document; a cover sheet {@code EARCHIVE:<case number>:<material code>} starts a new document
 * for that case and material. A barcode that looks like a cover sheet but fails validation is a normal page with a
 * warning — never a silent split.
 */
public final class Separation {
    public static final String PATCH_T = "PATCHT";
    private static final Pattern COVER = Pattern.compile("EARCHIVE:(C(\\d{8})\\d{7,8}):([A-Z][A-Z0-9_]{1,39})");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private Separation() {}

    /** The decision for one page. */
    public sealed interface Decision permits Content, PatchT, Cover, BadCover {}

    /** An ordinary page. */
    public record Content() implements Decision {}

    /** A patch-code T separator. */
    public record PatchT() implements Decision {}

    /** A valid cover sheet. */
    public record Cover(String caseNumber, String material) implements Decision {}

    /** A cover-sheet barcode that does not validate: kept as content, reported. */
    public record BadCover(String text) implements Decision {}

    public static Decision classify(List<Barcode> barcodes) {
        Decision result = new Content();
        for (Barcode b : barcodes) {
            String text = b.text().trim();
            if (PATCH_T.equals(text)) {
                return new PatchT();
            }
            if (text.startsWith("EARCHIVE:")) {
                Matcher m = COVER.matcher(text);
                if (m.matches() && validDay(m.group(2))) {
                    return new Cover(m.group(1), m.group(3));
                }
                result = new BadCover(text);
            }
        }
        return result;
    }

    private static boolean validDay(String yyyymmdd) {
        try {
            LocalDate.parse(yyyymmdd, DAY);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
