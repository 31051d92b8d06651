package org.earchive.archive.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cluster mode refuses what one node alone can use, and names each thing with what to set instead. */
class ClusterModeTest {
    static final String H2 = "jdbc:h2:file:/srv/earchive/db/earchive";
    static final String PG = "jdbc:postgresql://127.0.0.1:5432,127.0.0.1:5433/earchive?targetServerType=primary";

    @Test
    void theEmbeddedDefaultIsRefusedOnEveryCount() {
        List<String> problems = ClusterMode.problems(true, H2, Optional.empty(), Optional.empty());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("EARCHIVE_DB_URL"), problems.get(0));
        assertTrue(problems.get(1).contains("EARCHIVE_S3_ENDPOINT"), problems.get(1));
        assertTrue(problems.get(2).contains("EARCHIVE_SOLR_URL"), problems.get(2));
    }

    @Test
    void postgresqlAloneIsNotEnough() {
        List<String> problems = ClusterMode.problems(true, PG, Optional.empty(), Optional.empty());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("H2")), problems.toString());
    }

    @Test
    void sharedEnginesRunAsACluster() {
        assertEquals(
                List.of(),
                ClusterMode.problems(
                        true, PG, Optional.of("http://127.0.0.1:7480"), Optional.of("http://127.0.0.1:8983/solr")));
    }

    @Test
    void aSingleNodeNeedsNothingShared() {
        assertEquals(List.of(), ClusterMode.problems(false, H2, Optional.empty(), Optional.empty()));
    }
}
