package org.earchive.solrnode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node in its own JVM, on 127.0.0.1: {@code SolrNode <solrHome> <port> <zkHost>}. It writes the node's
 * {@code solr.xml} (host 127.0.0.1, ZooKeeper session timeout 10 s so a dead node's leaderships move quickly), starts
 * Solr's Jetty runner and prints {@code SOLR NODE UP <url>} once it answers.
 */
public final class SolrNode {
    private SolrNode() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String zk = args[2];
        Files.createDirectories(home);
        Files.writeString(
                home.resolve("solr.xml"),
                "<solr>\n  <solrcloud>\n    <str name=\"host\">127.0.0.1</str>\n    <int name=\"hostPort\">" + port
                        + "</int>\n    <str name=\"hostContext\">solr</str>\n    <str name=\"zkHost\">" + zk
                        + "</str>\n    <int name=\"zkClientTimeout\">10000</int>\n  </solrcloud>\n</solr>\n");
        long t0 = System.nanoTime();
        JettyConfig config = JettyConfig.builder()
                .setPort(port)
                .setContext("/solr")
                .stopAtShutdown(true)
                .build();
        JettySolrRunner runner = new JettySolrRunner(home.toString(), config);
        runner.start();
        System.out.printf("SOLR NODE UP %s in %.1f s%n", runner.getBaseUrl(), (System.nanoTime() - t0) / 1e9);
        Thread.currentThread().join();
    }
}
