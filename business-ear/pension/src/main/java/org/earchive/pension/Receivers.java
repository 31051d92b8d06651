package org.earchive.pension;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The receiving offices this office sends to: {@code EARCHIVE_TRANSFER_RECEIVERS} =
 * {@code F902=https://archive.other-city.example;F903=/mnt/outbox/F903} — an instance's base URL, or a folder. Only
 * configured receivers are reachable: a request names a receiver, never an address.
 */
record Receivers(Map<String, String> byCode) {
    static Receivers parse(String config) {
        Map<String, String> map = new LinkedHashMap<>();
        if (config != null) {
            for (String part : config.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    map.put(
                            part.substring(0, eq).strip(),
                            part.substring(eq + 1).strip());
                }
            }
        }
        return new Receivers(Map.copyOf(map));
    }

    Optional<URI> url(String code) {
        String v = byCode.get(code);
        return v != null && (v.startsWith("http://") || v.startsWith("https://"))
                ? Optional.of(URI.create(v.replaceAll("/+$", "")))
                : Optional.empty();
    }

    Optional<Path> folder(String code) {
        String v = byCode.get(code);
        return v != null && !v.startsWith("http://") && !v.startsWith("https://")
                ? Optional.of(Path.of(v))
                : Optional.empty();
    }
}
