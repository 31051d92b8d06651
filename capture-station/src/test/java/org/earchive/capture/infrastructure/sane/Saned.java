package org.earchive.capture.infrastructure.sane;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A real saned on loopback serving SANE's test backend from a private configuration folder. */
public final class Saned implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/saned");
    private final Process process;
    private final int port;

    public Saned(Path config) throws Exception {
        for (String f : List.of("dll.conf", "saned.conf", "test.conf")) {
            try (var in = Saned.class.getResourceAsStream("/sane/" + f)) {
                Files.copy(in, config.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb =
                new ProcessBuilder(BINARY.toString(), "-l", "-e", "-b", "127.0.0.1", "-p", Integer.toString(port));
        pb.environment().put("SANE_CONFIG_DIR", config.toString());
        pb.redirectErrorStream(true).redirectOutput(config.resolve("saned.log").toFile());
        process = pb.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                    throw new IllegalStateException(
                            "saned did not start: " + Files.readString(config.resolve("saned.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    public int port() {
        return port;
    }

    public SaneScanner.Address device() {
        return new SaneScanner.Address("127.0.0.1", port, "test:0");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
