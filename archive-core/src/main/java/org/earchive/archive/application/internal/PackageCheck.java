package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.port.TransferPackages;
import org.earchive.archive.domain.model.audit.AuditRepository;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.check.CheckCode;
import org.earchive.archive.domain.model.check.Property;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.storage.digest.FixityDigest;

/**
 * Verifies a received package before anything is written: the bag, every digest, every description against the
 * schema, the four-property check of every file on receipt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PackageCheck {
    private static final int PAGE = 200;

    @Inject
    Settings settings;

    @EJB
    FourPropertyCheck checker;

    @Inject
    ArchiveRepository archive;

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    AuditRepository audit;

    @Inject
    TransferPackages packages;

    /** One record of the package as verified. */
    public record Received(String path, RecordDescription description) {}

    /** A package after every check: the open bag, its records, the problems found and the receipt's check items. */
    public static final class Checked implements AutoCloseable {
        final TransferPackages.PackageReader bag;
        final List<String> problems = new ArrayList<>();
        final List<Received> records = new ArrayList<>();
        final Map<String, List<Item>> receipt = new LinkedHashMap<>();

        Checked(TransferPackages.PackageReader bag) {
            this.bag = bag;
            problems.addAll(bag.problems());
        }

        String packageId() {
            return Optional.ofNullable(bag.bagInfo().get("External-Identifier")).orElse(bag.bagName());
        }

        String sourceOffice() {
            return bag.bagInfo().get("Source-Organization");
        }

        TransferReport report(String outcome, String target, int imported, int held, List<String> numbers) {
            return new TransferReport(
                    packageId(),
                    outcome,
                    sourceOffice(),
                    target,
                    records.size(),
                    imported,
                    held,
                    numbers,
                    List.copyOf(problems),
                    bag.bagInfo().get("Payload-Oxum"),
                    bag.tagManifestSha256());
        }

        @Override
        public void close() {
            try {
                bag.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
        }
    }

    public Checked check(Path packageFile) throws EarchiveException {
        TransferPackages.PackageReader bag;
        try {
            bag = packages.read(packageFile, 64L * 1024 * 1024 * 1024);
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.PACKAGE_REJECTED,
                    "这不是可读的移交包（zip）。The file is not a readable transfer package (a zipped BagIt bag): "
                            + e.getMessage(),
                    e);
        }
        Checked c = new Checked(bag);
        if (c.sourceOffice() == null || !c.sourceOffice().matches("[A-Z0-9]{1,16}")) {
            c.problems.add("bag-info.txt names no Source-Organization (the sending office's fonds code)");
        }
        if (!bag.problems().isEmpty()) {
            return c; // digests or completeness failed: the descriptions cannot be trusted, nothing more to read
        }
        Map<String, FixityDigest.Result> digests = bag.payload();
        for (Map.Entry<String, List<String>> dir : recordFolders(c).entrySet()) {
            String base = "records/" + dir.getKey() + "/";
            RecordDescription d = description(c, base, dir.getValue());
            if (d == null) {
                continue;
            }
            String where = "data/" + base;
            if (!d.archiveNumber().equals(dir.getKey())) {
                c.problems.add(where + "record.xml describes " + d.archiveNumber() + ", not " + dir.getKey());
            }
            if (dir.getValue().size() != 2 || !dir.getValue().contains(d.file().name())) {
                c.problems.add(
                        where + " should hold record.xml and " + d.file().name() + "; it holds " + dir.getValue());
                continue;
            }
            checkFile(c, where, d, digests.get(base + d.file().name()));
            checkDescription(c, where, d);
            receive(c, base, d);
        }
        if (c.records.isEmpty() && c.problems.isEmpty()) {
            c.problems.add("the package holds no records");
        }
        return c;
    }

    /** The payload by record folder ({@code records/<archive number>/<file>}); anything else is a problem. */
    private static Map<String, List<String>> recordFolders(Checked c) {
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        for (String path : c.bag.payloadPaths()) {
            String[] parts = path.split("/");
            if (parts.length != 3 || !parts[0].equals("records")) {
                c.problems.add("data/" + path + " belongs to no record (records/<archive number>/…)");
                continue;
            }
            byDir.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
        }
        return byDir;
    }

    /** The folder's record.xml, valid against the published schema; null (with the problems named) otherwise. */
    private RecordDescription description(Checked c, String base, List<String> folder) {
        if (!folder.contains("record.xml")) {
            c.problems.add("data/" + base + " has no record.xml");
            return null;
        }
        byte[] xml;
        try (InputStream in = c.bag.open(base + "record.xml")) {
            xml = in.readNBytes(8 * 1024 * 1024);
        } catch (IOException e) {
            c.problems.add("data/" + base + "record.xml cannot be read: " + e.getMessage());
            return null;
        }
        List<String> invalid = packages.validate(xml);
        if (!invalid.isEmpty()) {
            invalid.stream()
                    .limit(5)
                    .forEach(p -> c.problems.add(
                            "data/" + base + "record.xml is not valid against earchive-record-1.0.xsd: " + p));
            return null;
        }
        return packages.parse(xml);
    }

    /** The file's size and digests, as the bag computed them, against its description. */
    private static void checkFile(Checked c, String where, RecordDescription d, FixityDigest.Result actual) {
        if (actual.length() != d.file().size()) {
            c.problems.add(where + d.file().name() + " is " + actual.length() + " bytes, its description says "
                    + d.file().size());
        }
        if (!actual.sha256Hex().equals(d.file().sha256())) {
            c.problems.add(where + d.file().name() + " has SHA-256 " + actual.sha256Hex() + ", its description says "
                    + d.file().sha256());
        }
        if (!actual.sm3Hex().equals(d.file().sm3())) {
            c.problems.add(where + d.file().name() + " has SM3 " + actual.sm3Hex() + ", its description says "
                    + d.file().sm3());
        }
    }

    private void checkDescription(Checked c, String where, RecordDescription d) {
        if (!CitizenId.isValid(d.citizenId())) {
            c.problems.add(where + "record.xml: the applicant's citizen ID fails its check digit");
        }
        if (catalogue.find(d.businessType()).isEmpty()) {
            c.problems.add(
                    where + "record.xml: business type " + d.businessType() + " is not in this office's catalogue");
        }
        if (d.check() != null && !d.check().passed()) {
            c.problems.add(where + "record.xml: the sending office's four-property check of the dossier failed");
        }
    }

    /** The four-property check of the file on receipt; the record is kept with its items for the import. */
    private void receive(Checked c, String base, RecordDescription d) {
        String where = "data/" + base;
        List<Item> items = receiptCheck(c.bag, base + d.file().name(), d);
        items.stream()
                .filter(i -> !i.passed())
                .forEach(i -> c.problems.add(where + d.file().name() + ": four-property check on receipt failed, "
                        + i.check() + ": " + i.detail()));
        items = new ArrayList<>(items);
        items.add(
                0,
                CheckItems.item(
                        Property.AUTHENTICITY,
                        d.archiveNumber(),
                        CheckCode.DIGESTS,
                        true,
                        "SHA-256 and SM3 recomputed on receipt and equal to the package's"));
        c.receipt.put(d.archiveNumber(), items);
        c.records.add(new Received(base + d.file().name(), d.withoutAudit())); // bounded: 10,000 records held lightly
    }

    private List<Item> receiptCheck(TransferPackages.PackageReader bag, String path, RecordDescription d) {
        Path copy = null;
        try {
            Path spool = settings.spoolDirectory();
            copy = Files.createTempFile(
                    Files.isDirectory(spool) ? spool : Path.of(System.getProperty("java.io.tmpdir")),
                    "receipt-",
                    ".bin");
            try (InputStream in = bag.open(path)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return checker.receipt(d.archiveNumber(), d.file().mediaType(), d.role(), copy);
        } catch (IOException e) {
            return List.of(CheckItems.item(
                    Property.USABILITY,
                    d.archiveNumber(),
                    CheckCode.READABLE,
                    false,
                    "cannot be read: " + e.getMessage()));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // temporary
                }
            }
        }
    }
}
