package org.earchive.pension;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The formula's parameters as data: per region and year the previous year's average monthly wage and the transitional
 * coefficient, the months divisor by retirement age, and the evidence each part of a computation needs. Read from the
 * file {@code EARCHIVE_PENSION_PARAMETERS} names, or the bundled example file.
 */
public record PensionParameters(
        Map<Integer, Integer> divisors, Map<String, List<String>> evidence, Map<String, Region> regions) {

    /** One region's figures for one year. */
    public record Region(String region, int year, BigDecimal averageMonthlyWage, BigDecimal transitionalCoefficient) {}

    public static final String BUNDLED = "/org/earchive/pension/pension-parameters.json";

    public static PensionParameters load(Optional<Path> file) throws IOException {
        try (InputStream in = file.isPresent()
                ? Files.newInputStream(file.get())
                : PensionParameters.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("the bundled pension parameters are missing");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return parse(reader.readObject());
            }
        } catch (RuntimeException e) {
            throw new IOException(
                    "unreadable pension parameters " + file.map(Path::toString).orElse(BUNDLED) + ": " + e.getMessage(),
                    e);
        }
    }

    static PensionParameters parse(JsonObject json) {
        Map<Integer, Integer> divisors = new TreeMap<>();
        json.getJsonObject("divisors")
                .forEach((age, months) -> divisors.put(Integer.parseInt(age), Integer.parseInt(months.toString())));
        Map<String, List<String>> evidence = new TreeMap<>();
        json.getJsonObject("evidence")
                .forEach((part, codes) -> evidence.put(
                        part,
                        codes.asJsonArray().getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList()));
        Map<String, Region> regions = new TreeMap<>();
        for (JsonObject r : json.getJsonArray("regions").getValuesAs(JsonObject.class)) {
            Region region = new Region(
                    r.getString("region"),
                    r.getInt("year"),
                    new BigDecimal(r.getString("averageMonthlyWage")),
                    new BigDecimal(r.getString("transitionalCoefficient")));
            regions.put(key(region.region(), region.year()), region);
        }
        return new PensionParameters(Map.copyOf(divisors), Map.copyOf(evidence), Map.copyOf(regions));
    }

    static String key(String region, int year) {
        return region + "/" + year;
    }

    public Optional<Region> region(String region, int year) {
        return Optional.ofNullable(regions.get(key(region, year)));
    }

    public Optional<Integer> divisor(int retirementAge) {
        return Optional.ofNullable(divisors.get(retirementAge));
    }

    public List<String> evidence(String part) {
        return evidence.getOrDefault(part, List.of());
    }
}
