package org.earchive.capture.interfaces.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;

/**
 * The archive server's transfer and administration commands on the command line, through its REST API:
 *
 * <pre>
 * transfer export (--case C | --person ID | --from T --to T) [--out FILE]
 * transfer verify FILE
 * transfer import FILE [--fonds F]
 * admin reindex
 * </pre>
 *
 * The server is {@code EARCHIVE_URL}; transfers sign in as {@code EARCHIVE_USER} / {@code EARCHIVE_PASSWORD}, the
 * administration as {@code EARCHIVE_ADMIN_USER} / {@code EARCHIVE_ADMIN_PASSWORD}. Exit status 0 when done, 1 when the
 * server refused (its answer, with the stable error code, is printed), 64 for a usage error.
 */
public final class ArchiveCommand {
    static final int REFUSED = 1;
    private static final String EXPORT_USAGE =
            "usage: transfer export (--case C | --person ID | --from T --to T) [--out FILE]";

    private ArchiveCommand() {}

    /** @param env the environment (the server's address and the accounts) */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            if (args.length >= 2 && args[0].equals("admin")) {
                ArchiveApiClient api = client(env, "EARCHIVE_ADMIN_USER", "admin", "EARCHIVE_ADMIN_PASSWORD");
                return switch (args[1]) {
                    case "reindex" -> answer(api.reindex(), out, err);
                    case "reconcile" -> answer(api.reconcile(), out, err);
                    default -> usage(err, "unknown admin command '" + args[1] + "': try reindex or reconcile");
                };
            }
            if (args.length >= 2 && args[0].equals("transfer")) {
                ArchiveApiClient api = client(env, "EARCHIVE_USER", "archivist", "EARCHIVE_PASSWORD");
                return switch (args[1]) {
                    case "export" -> export(api, args, out, err);
                    case "verify" -> answer(api.verify(packageFile(args)), out, err);
                    case "import" -> answer(api.importPackage(packageFile(args), option(args, "--fonds")), out, err);
                    default -> usage(err, "unknown transfer command '" + args[1] + "': try export, verify or import");
                };
            }
            return usage(err, "usage: transfer export|verify|import …, admin reindex|reconcile");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (IOException e) {
            err.println("earchive: " + e.getMessage());
            return REFUSED;
        }
    }

    private static int export(ArchiveApiClient api, String[] args, PrintStream out, PrintStream err)
            throws IOException {
        JsonObjectBuilder scope = Json.createObjectBuilder();
        if (option(args, "--case") != null) {
            scope.add("scope", "DOSSIER").add("caseNumber", option(args, "--case"));
        } else if (option(args, "--person") != null) {
            scope.add("scope", "PERSON").add("citizenId", option(args, "--person"));
        } else if (option(args, "--from") != null && option(args, "--to") != null) {
            scope.add("scope", "PERIOD").add("from", option(args, "--from")).add("to", option(args, "--to"));
        } else {
            throw new IllegalArgumentException(
                    "say what to export: --case C, --person ID or --from T --to T\n" + EXPORT_USAGE);
        }
        String named = option(args, "--out");
        Path target = Path.of(named == null ? "package.zip" : named).toAbsolutePath();
        ArchiveApiClient.Answer a = api.export(scope.build(), target);
        if (!a.ok()) {
            return answer(a, out, err);
        }
        String id = a.headers().firstValue("X-Earchive-Package").orElse("package");
        if (named == null) { // named after the package, as the receiving office will see it
            Path byId = target.resolveSibling(id + ".zip");
            Files.move(target, byId);
            target = byId;
        }
        err.println("package " + id + ": "
                + a.headers().firstValue("X-Earchive-Records").orElse("?") + " records in " + target);
        out.println(target);
        return CaptureCommand.OK;
    }

    /** Prints the server's answer; a refusal goes to the error stream with its code and exits 1. */
    private static int answer(ArchiveApiClient.Answer a, PrintStream out, PrintStream err) {
        if (a.ok()) {
            out.println(a.body());
            return CaptureCommand.OK;
        }
        err.println(a.body());
        err.println("earchive: the server refused (HTTP " + a.status() + ", " + a.code() + ")"
                + (a.status() == 422 ? ": every problem is listed above; nothing was imported" : ""));
        return REFUSED;
    }

    private static Path packageFile(String[] args) {
        if (args.length < 3 || args[2].startsWith("--")) {
            throw new IllegalArgumentException("usage: transfer " + args[1] + " FILE");
        }
        Path file = Path.of(args[2]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("transfer " + args[1] + ": no package at '" + file + "'");
        }
        return file;
    }

    /** The value after {@code name}, or null; an unknown option is a usage error. */
    static String option(String[] args, String name) {
        String value = null;
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                continue;
            }
            if (!Set.of("--case", "--person", "--from", "--to", "--out", "--fonds")
                    .contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (args[i].equals(name)) {
                value = args[i + 1];
            }
            i++;
        }
        return value;
    }

    private static ArchiveApiClient client(Map<String, String> env, String userVar, String user, String passwordVar) {
        String password = env.get(passwordVar);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("set " + userVar + " and " + passwordVar);
        }
        return new ArchiveApiClient(
                URI.create(env.getOrDefault("EARCHIVE_URL", "http://localhost:8080")),
                env.getOrDefault(userVar, user),
                password);
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        return CaptureCommand.USAGE;
    }
}
