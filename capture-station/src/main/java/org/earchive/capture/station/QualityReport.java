package org.earchive.capture.station;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earchive.capture.pipeline.Fingerprint;
import org.earchive.capture.pipeline.Pipeline;

/**
 * What the clerk checks before a batch goes to the server: every page with its resolution, skew left after
 * correction, turn, blank or not, and duplicates across the whole batch (the same sheet fed twice), from the
 * sidecars the pipeline wrote.
 */
public final class QualityReport {
    private QualityReport() {}

    public static JsonObject of(SpoolBatch batch) throws IOException {
        JsonObjectBuilder report = Json.createObjectBuilder()
                .add("batchId", batch.id())
                .add("state", batch.state().name());
        if (batch.caseNumber() != null) {
            report.add("caseNumber", batch.caseNumber());
        }
        if (batch.material() != null) {
            report.add("material", batch.material());
        }
        JsonArrayBuilder pages = Json.createArrayBuilder();
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        Proposal proposed = new Proposal();
        List<long[]> seen = new ArrayList<>();
        List<String> seenText = new ArrayList<>();
        int number = 0, blank = 0, original = 0;
        for (Path file : batch.originalFiles()) {
            original++;
            Path sidecar = batch.output().resolve(Pipeline.stem(file) + ".json");
            if (!Files.exists(sidecar)) {
                number++;
                pages.add(Json.createObjectBuilder()
                        .add("number", number)
                        .add("original", original)
                        .add("file", file.getFileName().toString())
                        .add("processed", false));
                continue;
            }
            JsonObject s;
            try (var reader = Json.createReader(Files.newBufferedReader(sidecar))) {
                s = reader.readObject();
            }
            for (JsonObject w : s.getJsonArray("warnings").getValuesAs(JsonObject.class)) {
                warnings.add(Json.createObjectBuilder(w).add("original", original));
            }
            for (JsonObject p : s.getJsonArray("pages").getValuesAs(JsonObject.class)) {
                number++;
                JsonObjectBuilder page = processedPage(p, number, original, file);
                proposed.take(p, number);
                if (p.getBoolean("blank")) {
                    blank++;
                } else {
                    long fp = Long.parseUnsignedLong(p.getString("fingerprint", "0"), 16);
                    String text = p.getString("text", "").replaceAll("\\s+", "");
                    markDuplicate(page, warnings, number, fp, text, seen, seenText);
                    seen.add(new long[] {fp, number});
                    seenText.add(text);
                }
                pages.add(page);
            }
        }
        report.add("assigned", batch.caseNumber() != null).add("proposed", proposed.build());
        report.add("pageCount", number)
                .add("blankPages", blank)
                .add("pages", pages)
                .add("warnings", warnings);
        Path error = batch.dir().resolve("error.json");
        if (Files.exists(error)) {
            try (var reader = Json.createReader(Files.newBufferedReader(error))) {
                report.add("error", reader.readObject());
            }
        }
        return report.build();
    }

    private static JsonObjectBuilder processedPage(JsonObject p, int number, int original, Path file) {
        JsonObjectBuilder page = Json.createObjectBuilder();
        if (p.containsKey("fields")) {
            // what the counter proposes instead of typing: the citizen ID, name, credit code read from the page
            page.add("fields", p.getJsonObject("fields"));
        }
        return page.add("number", number)
                .add("original", original)
                .add("file", file.getFileName().toString())
                .add("processed", true)
                .add("index", p.getInt("index"))
                .add("blank", p.getBoolean("blank"))
                .add("dpi", p.getInt("dpi"))
                .add("skewDegrees", p.getJsonNumber("skewDegrees"))
                .add("residualSkewDegrees", p.getJsonNumber("residualSkewDegrees"))
                .add("rotation", p.getInt("rotation"))
                .add("confidence", p.getJsonNumber("confidence"));
    }

    /**
     * What the counter proposes instead of typing: the first citizen ID, name and credit code that validated on any
     * page, each with the page it came from (a field that did not validate is never proposed).
     */
    private static final class Proposal {
        private final JsonObjectBuilder fields = Json.createObjectBuilder();
        private final Set<String> taken = new HashSet<>();

        void take(JsonObject page, int number) {
            JsonObject f = page.getJsonObject("fields");
            if (f == null) {
                return;
            }
            for (String key : List.of("citizenId", "name", "creditCode")) {
                JsonObject field = f.getJsonObject(key);
                if (field != null && field.get("value") instanceof JsonString value && taken.add(key)) {
                    fields.add(
                            key,
                            Json.createObjectBuilder()
                                    .add("value", value.getString())
                                    .add("page", number)
                                    .add("confidence", field.getJsonNumber("confidence")));
                }
            }
        }

        JsonObject build() {
            return fields.build();
        }
    }

    /** Marks the page as a duplicate of the first earlier page of the same sheet (fed twice), with a warning. */
    private static void markDuplicate(
            JsonObjectBuilder page,
            JsonArrayBuilder warnings,
            int number,
            long fp,
            String text,
            List<long[]> seen,
            List<String> seenText) {
        for (int i = 0; i < seen.size(); i++) {
            if (Fingerprint.sameSheet(seen.get(i)[0], seenText.get(i), fp, text)) {
                page.add("duplicateOf", (int) seen.get(i)[1]);
                warnings.add(Json.createObjectBuilder()
                        .add("code", "DUPLICATE_PAGE")
                        .add("page", number)
                        .add(
                                "message",
                                "Page " + number + " looks the same as page " + seen.get(i)[1]
                                        + ". Delete one of them if the sheet was fed twice."));
                return;
            }
        }
    }
}
