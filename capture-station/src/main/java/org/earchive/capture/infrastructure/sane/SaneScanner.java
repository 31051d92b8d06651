package org.earchive.capture.infrastructure.sane;

import au.com.southsky.jfreesane.OptionValueType;
import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneOption;
import au.com.southsky.jfreesane.SaneSession;
import au.com.southsky.jfreesane.SaneStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.earchive.capture.infrastructure.imageio.TiffPage;
import org.earchive.capture.station.port.PageSink;

/**
 * A network scanner behind {@code saned}, through JFreeSane. Pages go to the station (its spool, through {@link PageSink}) one by one, each
 * acknowledged only once it is on the disk; a feeder is emptied until the scanner says it has no more paper.
 */
public final class SaneScanner {
    /** {@code host[:port]/device}, e.g. {@code 127.0.0.1:6566/test:0}. */
    public record Address(String host, int port, String device) {
        public static Address parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("scanner address must be host[:port]/device, e.g. 127.0.0.1/test:0");
            }
            String hostPort = text.substring(0, slash);
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 6566 : Integer.parseInt(hostPort.substring(colon + 1));
            return new Address(host, port, text.substring(slash + 1));
        }
    }

    /** Told of each page as soon as it is safe in the spool. */
    public interface Progress {
        void page(int number, int width, int height);
    }

    /** What the scanner should do. @param feeder take pages from the document feeder until it is empty */
    public record Settings(int dpi, String mode, boolean feeder, int maxPages) {
        public static Settings counter() {
            return new Settings(300, "Gray", true, 200);
        }
    }

    public List<String> devices(Address address) throws IOException {
        try (SaneSession session = SaneSession.withRemoteSane(
                InetAddress.getByName(address.host()), address.port(), 10, TimeUnit.SECONDS, 60, TimeUnit.SECONDS)) {
            List<String> names = new ArrayList<>();
            for (SaneDevice d : session.listDevices()) {
                names.add(d.getName() + " (" + d.getVendor() + " " + d.getModel() + ")");
            }
            return names;
        } catch (SaneException e) {
            throw new IOException("scanner: " + e.getMessage(), e);
        }
    }

    /** Scans into the batch; returns the number of pages kept. */
    public int scan(Address address, Settings settings, PageSink batch, Progress progress) throws IOException {
        try (SaneSession session = SaneSession.withRemoteSane(
                InetAddress.getByName(address.host()), address.port(), 10, TimeUnit.SECONDS, 120, TimeUnit.SECONDS)) {
            SaneDevice device = session.getDevice(address.device());
            device.open();
            try {
                configure(device, settings);
                int pages = 0;
                while (pages < settings.maxPages()) {
                    BufferedImage image;
                    try {
                        image = device.acquireImage();
                    } catch (SaneException e) {
                        if (e.getStatus() == SaneStatus.STATUS_NO_DOCS && pages > 0) {
                            break; // the feeder is empty: the stack is done
                        }
                        throw new IOException(
                                "scanner " + address.device() + ": " + e.getMessage()
                                        + (e.getStatus() == SaneStatus.STATUS_NO_DOCS
                                                ? " (no paper in the feeder)"
                                                : ""),
                                e);
                    }
                    pages++;
                    batch.keep(
                            String.format("sane-%04d.tif", pages),
                            new ByteArrayInputStream(TiffPage.encode(image, settings.dpi())));
                    progress.page(pages, image.getWidth(), image.getHeight());
                    if (!settings.feeder()) {
                        break;
                    }
                }
                return pages;
            } finally {
                device.close();
            }
        } catch (SaneException e) {
            throw new IOException("scanner " + address.device() + ": " + e.getMessage(), e);
        }
    }

    private static void configure(SaneDevice device, Settings settings) throws IOException, SaneException {
        SaneOption resolution = device.getOption("resolution");
        if (resolution != null && resolution.isWriteable()) {
            if (resolution.getType() == OptionValueType.FIXED) {
                resolution.setFixedValue(settings.dpi());
            } else {
                resolution.setIntegerValue(settings.dpi());
            }
        }
        SaneOption mode = device.getOption("mode");
        if (mode != null && mode.isWriteable()) {
            mode.setStringValue(settings.mode());
        }
        SaneOption source = device.getOption("source");
        if (settings.feeder() && source != null && source.isWriteable()) {
            for (String s : source.getStringConstraints()) {
                if (s.toLowerCase().contains("feeder") || s.toUpperCase().contains("ADF")) {
                    source.setStringValue(s);
                    break;
                }
            }
        }
    }
}
