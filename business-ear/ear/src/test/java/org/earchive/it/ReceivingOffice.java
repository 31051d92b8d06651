package org.earchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second instance of the product — the receiving office of a transfer: a second Payara domain ({@code receiver},
 * ports 28000+) of the same Payara installation, its own embedded data folder and fonds {@value #FONDS}, the same EAR.
 * Started before TransferIT and stopped after it.
 */
final class ReceivingOffice implements AutoCloseable {
    static final String FONDS = "F902";
    static final String URL = "http://127.0.0.1:28080";
    private static final String DOMAIN = "receiver";
    private static final String ADMIN_PORT = "28048";

    private final Path asadmin;

    private ReceivingOffice(Path asadmin) {
        this.asadmin = asadmin;
    }

    static ReceivingOffice start() throws Exception {
        Path payara = Path.of(System.getProperty("payara.home"));
        Path asadmin = payara.resolve("bin/asadmin");
        Path target = Path.of(System.getProperty("earchive.ear")).getParent();
        Path home = target.resolve("it-home-receiver");
        delete(home);
        ReceivingOffice office = new ReceivingOffice(asadmin);
        // a fresh domain each time: one left by an earlier run would deploy its old copy of the EAR while it starts
        office.run(Map.of(), asadmin.toString(), "stop-domain", "--kill=true", DOMAIN);
        office.run(Map.of(), asadmin.toString(), "delete-domain", DOMAIN);
        office.check(Map.of(), asadmin.toString(), "create-domain", "--nopassword=true", "--portbase", "28000", DOMAIN);
        // hardened like every domain: loopback only, secure admin with a password generated into this file
        Path passwords = target.resolve("receiver.admin-password");
        Files.deleteIfExists(passwords);
        office.check(
                Map.of(),
                "bash",
                System.getProperty("earchive.root") + "/scripts/prepare-payara.sh",
                payara.toString(),
                DOMAIN,
                passwords.toString());
        Map<String, String> env = Map.of(
                "EARCHIVE_HOME",
                home.toString(),
                "EARCHIVE_FONDS",
                FONDS,
                "EARCHIVE_DB_URL",
                "",
                "EARCHIVE_MASTER_KEYS",
                "",
                "EARCHIVE_TRANSFER_RECEIVERS",
                "",
                "EARCHIVE_DEMO_PASSWORD",
                Api.PASSWORD);
        office.check(env, asadmin.toString(), "start-domain", DOMAIN);
        office.check(
                Map.of(),
                asadmin.toString(),
                "--port",
                ADMIN_PORT,
                "--user",
                "admin",
                "--passwordfile",
                passwords.toString(),
                "deploy",
                "--name",
                "earchive",
                System.getProperty("earchive.ear"));
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 180_000;
        while (true) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(URL + "/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return office;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (System.currentTimeMillis() > until) {
                office.close();
                throw new IllegalStateException("the receiving office did not become healthy within 180 s");
            }
            Thread.sleep(1000);
        }
    }

    @Override
    public void close() throws Exception {
        run(Map.of(), asadmin.toString(), "stop-domain", "--kill=true", DOMAIN);
        run(Map.of(), asadmin.toString(), "delete-domain", DOMAIN);
    }

    private void check(Map<String, String> env, String... command) throws Exception {
        List<String> out = new ArrayList<>();
        int rc = run(env, command, out);
        if (rc != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed (" + rc + "): " + String.join("\n", out));
        }
    }

    private int run(Map<String, String> env, String... command) throws Exception {
        return run(env, command, new ArrayList<>());
    }

    private static int run(Map<String, String> env, String[] command, List<String> out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var reader = p.inputReader()) {
            reader.lines().forEach(out::add);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
