package org.earchive.capture.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.earchive.capture.pipeline.fields.Field;
import org.earchive.capture.pipeline.fields.PageFields;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;

/**
 * The JSON written beside the PDF/A ({@code <stem>.json}) or instead of it ({@code <stem>.error.json}). Field names
 * are a published interface: batch digitisation scripts and the station read them.
 */
public final class Sidecar {
    private Sidecar() {}

    public static JsonObject of(CaptureResult r) {
        if (r.failed()) {
            return Json.createObjectBuilder()
                    .add("code", r.error().name())
                    .add("message", r.errorMessage())
                    .add("source", r.source().getFileName().toString())
                    .add("sha256", r.sha256() == null ? "" : r.sha256())
                    .build();
        }
        JsonArrayBuilder pages = Json.createArrayBuilder();
        for (PageOutcome p : r.pages()) {
            JsonArrayBuilder barcodes = Json.createArrayBuilder();
            for (Barcode b : p.barcodes()) {
                barcodes.add(
                        Json.createObjectBuilder().add("format", b.format()).add("text", b.text()));
            }
            JsonObjectBuilder page = Json.createObjectBuilder()
                    .add("index", p.index())
                    .add("text", p.text())
                    .add("skewDegrees", p.skewDegrees())
                    .add("residualSkewDegrees", p.residualSkewDegrees())
                    .add("rotation", p.rotation())
                    .add("blank", p.blank())
                    .add("barcodes", barcodes)
                    .add("dpi", p.dpi())
                    .add("dpiInferred", p.dpiInferred())
                    .add("confidence", Math.round(p.confidence() * 10) / 10.0)
                    .add("separator", p.separator())
                    .add("flattened", p.flattened())
                    .add("document", p.document())
                    .add("fingerprint", String.format("%016x", p.fingerprint()));
            if (p.appearance() != null) {
                page.add("appearance", p.appearance().name().toLowerCase());
            }
            if (p.fields() != null && !p.fields().empty()) {
                page.add("fields", fields(p.fields()));
            }
            pages.add(page);
        }
        JsonArrayBuilder documents = Json.createArrayBuilder();
        for (OutputDocument d : r.documents()) {
            JsonArrayBuilder pageNumbers = Json.createArrayBuilder();
            d.pages().forEach(pageNumbers::add);
            JsonObjectBuilder doc = Json.createObjectBuilder()
                    .add("file", d.file().getFileName().toString())
                    .add("sha256", d.sha256())
                    .add("size", d.size())
                    .add("pages", pageNumbers);
            if (d.caseNumber() != null) {
                doc.add("caseNumber", d.caseNumber());
            }
            if (d.material() != null) {
                doc.add("material", d.material());
            }
            documents.add(doc);
        }
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        for (CaptureWarning w : r.warnings()) {
            warnings.add(Json.createObjectBuilder()
                    .add("code", w.code())
                    .add("page", w.page())
                    .add("message", w.message()));
        }
        return Json.createObjectBuilder()
                .add("source", r.source().getFileName().toString())
                .add("sha256", r.sha256())
                .add("mediaType", r.mediaType())
                .add("pages", pages)
                .add("documents", documents)
                .add("warnings", warnings)
                .build();
    }

    /**
     * The fields read from a page: each with its value (null when it did not validate: {@code "unreadable": true}),
     * the text as read, whether a check character repaired it, its confidence and its words' boxes.
     */
    static JsonObject fields(PageFields f) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (f.citizenId() != null) {
            b.add("citizenId", field(f.citizenId()));
        }
        if (f.name() != null) {
            b.add("name", field(f.name()));
        }
        if (f.creditCode() != null) {
            b.add("creditCode", field(f.creditCode()));
        }
        JsonArrayBuilder dates = Json.createArrayBuilder();
        f.dates().forEach(d -> dates.add(field(d)));
        b.add("dates", dates);
        if (f.title() != null) {
            b.add("businessForm", field(f.title()));
        }
        return b.build();
    }

    private static JsonObject field(Field f) {
        JsonArrayBuilder boxes = Json.createArrayBuilder();
        for (int[] box : f.boxes()) {
            boxes.add(Json.createArrayBuilder()
                    .add(box[0])
                    .add(box[1])
                    .add(box[2])
                    .add(box[3]));
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (f.readable()) {
            b.add("value", f.value());
        } else {
            b.addNull("value").add("unreadable", true);
        }
        return b.add("read", f.read())
                .add("repaired", f.repaired())
                .add("confidence", Math.round(f.confidence() * 10) / 10.0)
                .add("boxes", boxes)
                .build();
    }

    /** Writes {@code <stem>.json} or {@code <stem>.error.json} into {@code outDir}; returns the file. */
    public static Path write(CaptureResult r, Path outDir) throws IOException {
        String stem = r.stem();
        Path target = outDir.resolve(stem + (r.failed() ? ".error.json" : ".json"));
        Path tmp = outDir.resolve("." + target.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(w)
                    .write(of(r));
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
