package org.earchive.archive.infrastructure.tika;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.earchive.archive.domain.service.FormatDetector;

/** Tika's magic-byte detection, given no file name and no declared type (so neither can steer it). */
@ApplicationScoped
public class TikaFormatDetector implements FormatDetector {
  private final Detector detector = MimeTypes.getDefaultMimeTypes();

  @Override
  public String detect(byte[] head, int length) {
    try {
      return detector.detect(new ByteArrayInputStream(head, 0, length), new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
