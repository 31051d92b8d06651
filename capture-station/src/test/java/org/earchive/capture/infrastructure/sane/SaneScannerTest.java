package org.earchive.capture.infrastructure.sane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.earchive.capture.station.Spool;
import org.earchive.capture.station.SpoolBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A real {@code saned} on loopback serving SANE's {@code test} backend (a virtual scanner with a document feeder),
 * driven through JFreeSane as a counter's network scanner would be.
 */
class SaneScannerTest {
    private static Saned saned;
    private static int port;

    @TempDir
    static Path config;

    @BeforeAll
    static void startSaned() throws Exception {
        assumeTrue(Files.isExecutable(Saned.BINARY), "sane-utils not installed (./earchive installs it)");
        saned = new Saned(config);
        port = saned.port();
    }

    @AfterAll
    static void stopSaned() {
        if (saned != null) {
            saned.close();
        }
    }

    @Test
    void theVirtualScannerIsListed() throws Exception {
        List<String> devices = new SaneScanner().devices(new SaneScanner.Address("127.0.0.1", port, "test:0"));
        assertTrue(devices.stream().anyMatch(d -> d.startsWith("test:0")), devices.toString());
    }

    @Test
    void aFeederStackLandsInTheSpoolPageByPageAt300Dpi(@TempDir Path dir) throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        SpoolBatch batch = spool.open("C202611300000001", "ID_CARD", "clerk");
        List<Integer> progress = new ArrayList<>();
        SaneScanner.Address address = SaneScanner.Address.parse("127.0.0.1:" + port + "/test:0");

        int pages = new SaneScanner()
                .scan(address, new SaneScanner.Settings(300, "Gray", true, 3), batch, (n, w, h) -> progress.add(n));

        assertEquals(3, pages);
        assertEquals(List.of(1, 2, 3), progress, "each page reported once it is in the spool");
        List<Path> files = batch.originalFiles();
        assertEquals(3, files.size());
        try (ImageInputStream in = ImageIO.createImageInputStream(files.get(0).toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var tree = (Element) reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
            double mm = Double.parseDouble(
                    ((Element) tree.getElementsByTagName("HorizontalPixelSize").item(0)).getAttribute("value"));
            assertEquals(300, Math.round(25.4 / mm), "the original states the resolution it was scanned at");
            // the test device's page is 80 mm wide by default: 80 / 25.4 × 300 ≈ 945 pixels
            assertEquals(945, reader.getWidth(0), 3);
        }
    }

    @Test
    void anUnknownDeviceIsAClearError(@TempDir Path dir) throws Exception {
        SpoolBatch batch = new Spool(dir).open(null, null, null);
        IOException e = Assertions.assertThrows(
                IOException.class,
                () -> new SaneScanner()
                        .scan(
                                new SaneScanner.Address("127.0.0.1", port, "nosuch:9"),
                                SaneScanner.Settings.counter(),
                                batch,
                                (n, w, h) -> {}));
        assertTrue(e.getMessage().contains("nosuch:9"), e.getMessage());
        assertTrue(batch.originalFiles().isEmpty());
    }
}
