package org.earchive.pension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A business module reads the archive through archive-core's application interfaces and DTOs only. */
class ModuleBoundaryTest {
    @Test
    void noSourceFileUsesTheCoresDomainInfrastructureOrInternals() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f);
                            return s.contains("org.earchive.archive.domain")
                                    || s.contains("org.earchive.archive.infrastructure")
                                    || s.contains("org.earchive.archive.application.internal");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }
}
