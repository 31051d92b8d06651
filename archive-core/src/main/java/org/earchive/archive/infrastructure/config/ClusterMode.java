package org.earchive.archive.infrastructure.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cluster mode ({@code EARCHIVE_CLUSTER=true}): the same EAR on several instances over shared engines. It refuses to
 * start on what only one node can use — H2 (a file one JVM holds), the file-system object store (a folder of one
 * machine), the node-local Lucene index (one writer per folder; separate folders each see only their own records) —
 * rather than run and lose or hide records.
 */
public final class ClusterMode {
    private ClusterMode() {}

    /** Why the configuration cannot run as a cluster; empty when it can (or when cluster mode is off). */
    public static List<String> problems(
            boolean cluster, String jdbcUrl, Optional<String> s3Endpoint, Optional<String> searchUrl) {
        List<String> problems = new ArrayList<>();
        if (!cluster) {
            return problems;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            problems.add("the database is H2, which one instance holds: set EARCHIVE_DB_URL to the PostgreSQL primary"
                    + " (jdbc:postgresql://primary,standby/earchive?targetServerType=primary)");
        }
        if (s3Endpoint.isEmpty()) {
            problems.add("the object store is a local folder: set EARCHIVE_S3_ENDPOINT to the Ceph RGW (or S3) behind"
                    + " the load balancer");
        }
        if (searchUrl.isEmpty()) {
            problems.add("the search index is node-local Lucene: set EARCHIVE_SOLR_URL to the SolrCloud collection");
        }
        return problems;
    }

    /** Refuses to start, naming every problem, when cluster mode is on and the configuration cannot serve it. */
    public static void check(EarchiveSettings settings) {
        List<String> problems =
                problems(settings.cluster(), settings.jdbcUrl(), settings.s3Endpoint(), settings.solrUrl());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("EARCHIVE_CLUSTER=true, but this configuration cannot run as a cluster: "
                    + String.join("; ", problems) + ".");
        }
    }
}
