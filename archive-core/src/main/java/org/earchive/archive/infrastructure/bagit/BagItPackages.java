package org.earchive.archive.infrastructure.bagit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.earchive.archive.application.port.TransferPackages;
import org.earchive.archive.domain.model.transfer.RecordDescription;

/** Transfer packages as zipped BagIt 1.0 bags (RFC 8493) with earchive-record-1.0 descriptions. */
@ApplicationScoped
public class BagItPackages implements TransferPackages {
    @Override
    public PackageWriter write(OutputStream out, String packageId) {
        return new BagWriter(out, packageId);
    }

    @Override
    public PackageReader read(Path file, long maxBytes) throws IOException {
        return BagReader.verify(file, maxBytes);
    }

    @Override
    public byte[] describe(RecordDescription description) {
        byte[] xml = RecordXml.write(description);
        List<String> invalid = RecordXml.validate(xml);
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("The description of " + description.archiveNumber()
                    + " does not match earchive-record-1.0.xsd: " + invalid);
        }
        return xml;
    }

    @Override
    public List<String> validate(byte[] xml) {
        return RecordXml.validate(xml);
    }

    @Override
    public RecordDescription parse(byte[] xml) {
        return RecordXml.read(xml);
    }
}
