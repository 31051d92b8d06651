package org.earchive.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's size rule, over every module's main sources: no source file over 310 lines (about 300, with room for a
 * javadoc) except those the README's architecture section names with the reason they stay.
 */
class SizeTest {
    static final int LIMIT = 310;

    /** Named in the README's architecture section ("What remains over the sizes, and why"). */
    static final Map<String, Integer> ALLOWED = Map.of("BusinessCase.java", 410);

    @Test
    void noSourceFileIsOverTheLimit() throws IOException {
        Path root = projectRoot();
        Map<String, Long> over = new TreeMap<>();
        for (Path file : mainSources(root)) {
            long lines;
            try (Stream<String> l = Files.lines(file)) {
                lines = l.count();
            }
            int limit = ALLOWED.getOrDefault(file.getFileName().toString(), LIMIT);
            if (lines > limit) {
                over.put(root.relativize(file).toString(), lines);
            }
        }
        assertEquals(Map.of(), over, "source files over " + LIMIT + " lines: split them by use case");
    }

    @Test
    void theRuleSeesTheWholeTree() throws IOException {
        List<Path> sources = mainSources(projectRoot());
        assertTrue(sources.size() > 300, "found only " + sources.size() + " main sources");
        assertTrue(sources.stream().anyMatch(p -> p.endsWith("BusinessCase.java")), "the aggregate is among them");
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }

    /** The repository's root: the folder above this module's {@code business-ear}. */
    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("earchive"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "run from inside the repository");
        return p;
    }
}
