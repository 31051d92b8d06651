package org.earchive.it;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The test ClamAV daemon ({@code scripts/clamav/clamd.sh}, started by {@code ./earchive test}), taught a new signature
 * while it runs: a virus published after a file was uploaded, which only the scan at archiving can find.
 */
final class Clamd {
    private Clamd() {}

    /** The daemon's address as the server uses it, or null when the tests run without one. */
    static String address() {
        String a = System.getenv("EARCHIVE_CLAMD");
        return a == null || a.isBlank() ? null : a;
    }

    /** Its signature folder, or null when not given ({@code EARCHIVE_TEST_CLAMD_DB}). */
    static Path database() {
        String d = System.getenv("EARCHIVE_TEST_CLAMD_DB");
        return d == null || d.isBlank() ? null : Path.of(d);
    }

    /** Adds a signature {@code name} for any file containing {@code marker}, reloads, waits until it is in force. */
    static void learn(String name, String marker) throws Exception {
        Path db = database();
        Files.writeString(
                db.resolve(name.replaceAll("[^A-Za-z0-9]", "-") + ".ndb"),
                name + ":0:*:" + HexFormat.of().formatHex(marker.getBytes(StandardCharsets.US_ASCII)) + "\n");
        ask("zRELOAD\0".getBytes(StandardCharsets.US_ASCII), null);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!ask("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII), marker.getBytes(StandardCharsets.US_ASCII))
                .contains(name)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("clamd did not take up " + name + " within 60 s");
            }
            Thread.sleep(500);
        }
    }

    private static String ask(byte[] command, byte[] stream) throws IOException {
        String[] hostPort = address().split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5000);
            s.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write(command);
            if (stream != null) {
                out.writeInt(stream.length);
                out.write(stream);
                out.writeInt(0);
            }
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
