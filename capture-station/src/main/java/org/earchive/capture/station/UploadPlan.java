package org.earchive.capture.station;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a processed batch uploads, in order: written durably once the batch is processed ({@code uploads.json}), read
 * back by every upload attempt, so a crash between two uploads resumes where it stopped.
 */
public record UploadPlan(List<Upload> uploads) {
    static final String FILE = "uploads.json";
    /** The five-column plan earlier versions wrote; still read, so a batch spooled before an upgrade is not lost. */
    static final String LEGACY_FILE = "uploads.tsv";

    public UploadPlan {
        uploads = List.copyOf(uploads);
    }

    /**
     * One file to upload.
     *
     * @param file its path relative to the batch's output folder
     */
    public record Upload(DocumentRole role, String caseNumber, String material, String file, String contentType) {}

    void write(Path batchDir) throws IOException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Upload u : uploads) {
            array.add(Json.createObjectBuilder()
                    .add("role", u.role().name())
                    .add("caseNumber", u.caseNumber())
                    .add("material", u.material())
                    .add("file", u.file())
                    .add("contentType", u.contentType()));
        }
        String json = Json.createObjectBuilder().add("uploads", array).build().toString();
        Durable.write(batchDir.resolve(FILE), json + "\n");
    }

    static UploadPlan read(Path batchDir) throws IOException {
        Path file = batchDir.resolve(FILE);
        if (Files.notExists(file) && Files.exists(batchDir.resolve(LEGACY_FILE))) {
            return readLegacy(batchDir.resolve(LEGACY_FILE));
        }
        List<Upload> uploads = new ArrayList<>();
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            for (JsonObject o : reader.readObject().getJsonArray("uploads").getValuesAs(JsonObject.class)) {
                uploads.add(new Upload(
                        DocumentRole.valueOf(o.getString("role")),
                        o.getString("caseNumber"),
                        o.getString("material"),
                        o.getString("file"),
                        o.getString("contentType")));
            }
        }
        return new UploadPlan(uploads);
    }

    private static UploadPlan readLegacy(Path tsv) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            uploads.add(new Upload(DocumentRole.valueOf(f[0]), f[1], f[2], f[3], f[4]));
        }
        return new UploadPlan(uploads);
    }
}
