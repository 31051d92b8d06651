package org.earchive.archive.infrastructure.clamav;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.earchive.archive.domain.service.VirusScanner;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * ClamAV's daemon over its INSTREAM protocol: the bytes are streamed in chunks, clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}. Where: {@code EARCHIVE_CLAMD} ({@code host:port} or a Unix socket path), else
 * Debian's {@code /run/clamav/clamd.ctl} if it exists. Without either the scan is reported as unavailable.
 */
@ApplicationScoped
public class ClamdScanner implements VirusScanner {
    static final Path DEBIAN_SOCKET = Path.of("/run/clamav/clamd.ctl");
    private static final int CHUNK = 64 * 1024;
    private static final int TIMEOUT_MILLIS = 120_000;

    private final Supplier<Optional<String>> address;

    /** The daemon from the configuration ({@code EARCHIVE_CLAMD}) or Debian's socket. */
    public ClamdScanner() {
        this(ClamdScanner::where);
    }

    /** A daemon at a given {@code host:port} or socket path (tests, tools). */
    public ClamdScanner(String where) {
        this(() -> Optional.of(where));
    }

    private ClamdScanner(Supplier<Optional<String>> address) {
        this.address = address;
    }

    @Override
    public Verdict scan(InputStream content) {
        Optional<String> where = address.get();
        if (where.isEmpty()) {
            return new Verdict(Outcome.NOT_INSTALLED, "ClamAV is not configured (EARCHIVE_CLAMD) or installed");
        }
        try (Connection c = open(where.get())) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(c.out(), CHUNK + 4));
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                if (n > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            String answer = read(c.in()).strip();
            if (answer.endsWith("OK")) {
                return new Verdict(Outcome.CLEAN, "clamd: " + answer);
            }
            if (answer.endsWith("FOUND")) {
                String signature = answer.substring(answer.indexOf(':') + 1, answer.length() - "FOUND".length())
                        .strip();
                return new Verdict(Outcome.INFECTED, signature);
            }
            return new Verdict(Outcome.UNAVAILABLE, "clamd could not scan: " + answer);
        } catch (IOException e) {
            return new Verdict(Outcome.UNAVAILABLE, "clamd at " + where.get() + " did not answer: " + e.getMessage());
        }
    }

    /** A connection to clamd: TCP (with a read timeout) or a Unix socket. */
    private record Connection(InputStream in, OutputStream out, Closeable closer) implements Closeable {
        @Override
        public void close() throws IOException {
            closer.close();
        }
    }

    @Override
    public String describe() {
        return address.get().map(w -> "clamd " + w).orElse("no virus scanner");
    }

    static Optional<String> where() {
        Optional<String> configured = ConfigProvider.getConfig(ClamdScanner.class.getClassLoader())
                .getOptionalValue("earchive.clamd", String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            return configured;
        }
        return Files.exists(DEBIAN_SOCKET) ? Optional.of(DEBIAN_SOCKET.toString()) : Optional.empty();
    }

    private static Connection open(String where) throws IOException {
        if (where.startsWith("/")) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(where));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Connection(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel);
        }
        if (!where.matches("[^:\\s/]+:\\d{1,5}")) {
            throw new IOException("EARCHIVE_CLAMD is neither host:port nor a socket path: " + where);
        }
        int colon = where.lastIndexOf(':');
        Socket socket = new Socket();
        try {
            socket.connect(
                    new InetSocketAddress(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1))),
                    5000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return new Connection(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    private static String read(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c > 0; c = in.read()) {
            s.append((char) c);
        }
        return s.toString();
    }
}
