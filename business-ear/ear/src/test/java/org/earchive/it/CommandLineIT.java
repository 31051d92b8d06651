package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.earchive.capture.interfaces.cli.ArchiveCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./earchive transfer …} and {@code ./earchive admin …} against the real server: the Java command line on the
 * archive's REST API, with real JSON (a case number with a quote in it is a case number, not broken JSON).
 */
@ExtendWith(ArquillianExtension.class)
class CommandLineIT {
    private static final Map<String, String> ENV = Map.of(
            "EARCHIVE_URL", Api.BASE,
            "EARCHIVE_USER", "archivist",
            "EARCHIVE_PASSWORD", Api.PASSWORD,
            "EARCHIVE_ADMIN_USER", "admin",
            "EARCHIVE_ADMIN_PASSWORD", Api.PASSWORD);

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ArchiveCommand.run(
                args,
                ENV,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anArchivedDossierIsExportedVerifiedAndTheIndexRebuilt() throws Exception {
        String caseNumber = Cases.archived("ENROLL", Cases.newPerson(), Map.of());
        Path file = dir.resolve("dossier.zip");

        Run exported = run("transfer", "export", "--case", caseNumber, "--out", file.toString());
        assertEquals(0, exported.status(), exported.err());
        assertEquals(file.toAbsolutePath().toString(), exported.out().strip());
        assertTrue(exported.err().matches("(?s)package \\S+: [1-9]\\d* records in .*"), exported.err());
        assertTrue(Files.size(file) > 0);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no partial file left beside the package");
        }

        Run verified = run("transfer", "verify", file.toString());
        assertEquals(0, verified.status(), verified.err());
        assertTrue(verified.out().contains("\"outcome\":\"VERIFIED\""), verified.out());

        Run reindexed = run("admin", "reindex");
        assertEquals(0, reindexed.status(), reindexed.err());
        assertTrue(reindexed.out().matches("(?s)\\{\"records\":[1-9]\\d*}\\s*"), reindexed.out());

        Run reconciled = run("admin", "reconcile");
        assertEquals(0, reconciled.status(), reconciled.err());
        assertTrue(
                reconciled
                        .out()
                        .matches("(?s)\\{\"entries\":[1-9]\\d*,\"extra\":0,\"missing\":0,\"records\":[1-9]\\d*}\\s*"),
                "just rebuilt: nothing missing, nothing extra: " + reconciled.out());
    }

    @Test
    void refusalsCarryTheServersCodeAndLeaveNothingBehind() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a bag");
        Run verify = run("transfer", "verify", junk.toString());
        assertEquals(1, verify.status());
        assertTrue(verify.err().contains("PACKAGE_REJECTED"), verify.err());

        Path file = dir.resolve("none.zip");
        Run quoted = run("transfer", "export", "--case", "C2026\"}, {\"scope\":\"PERIOD", "--out", file.toString());
        assertEquals(1, quoted.status());
        assertTrue(quoted.err().contains("CASE_NOT_FOUND"), quoted.err());
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the junk file: no partial package");
        }

        int clerk = ArchiveCommand.run(
                new String[] {"admin", "reindex"},
                Map.of(
                        "EARCHIVE_URL",
                        Api.BASE,
                        "EARCHIVE_ADMIN_USER",
                        "clerk",
                        "EARCHIVE_ADMIN_PASSWORD",
                        Api.PASSWORD),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(1, clerk, "a clerk may not rebuild the index");

        assertEquals(64, run("transfer", "export").status(), "nothing to export is a usage error");
        assertEquals(64, run("transfer", "export", "--case").status());
        assertEquals(
                64,
                run("transfer", "verify", dir.resolve("missing.zip").toString()).status());
    }
}
