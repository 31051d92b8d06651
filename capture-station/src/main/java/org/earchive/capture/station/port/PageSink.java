package org.earchive.capture.station.port;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a capture device's pages go: the station's spool keeps each one durably before the device moves on. Scanner
 * adapters write through this port and know nothing of the spool behind it.
 */
public interface PageSink {
    /** Keeps one page; returns only once it is safe on the disk. Pages are kept in the order they arrive. */
    void keep(String name, InputStream content) throws IOException;
}
