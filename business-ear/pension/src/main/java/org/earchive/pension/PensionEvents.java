package org.earchive.pension;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** A determination as the {@code PENSION_DETERMINED} event tells it (amounts in yuan as decimal text, exact). */
final class PensionEvents {
    private PensionEvents() {}

    static JsonObject details(PensionDetermination d) {
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        for (PensionDetermination.Evidence e : d.evidence()) {
            evidence.add(
                    Json.createObjectBuilder().add("material", e.material()).add("source", e.source()));
        }
        return Json.createObjectBuilder()
                .add("region", d.region())
                .add("year", d.year())
                .add("monthlyPension", d.monthlyPension().toPlainString())
                .add("basicPension", d.basicPension().toPlainString())
                .add("personalAccountPension", d.personalAccountPension().toPlainString())
                .add("transitionalPension", d.transitionalPension().toPlainString())
                .add("contributionYears", d.contributionYears().toPlainString())
                .add("deemedYears", d.deemedYears().toPlainString())
                .add("averageIndex", d.averageIndex().toPlainString())
                .add("sheetDocumentId", d.sheetDocumentId())
                .add("sheetSha256", d.sheetSha256())
                .add("evidence", evidence)
                .build();
    }
}
