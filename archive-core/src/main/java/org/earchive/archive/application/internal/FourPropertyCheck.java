package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.check.CheckCode;
import org.earchive.archive.domain.model.check.MetadataRules;
import org.earchive.archive.domain.model.check.Property;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.storage.IntegrityException;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.digest.FixityDigest;

/**
 * The DA/T 70 four-property check (四性检测) over one dossier. Every item is recorded, passed or not, so a report says
 * exactly what was checked and what failed. Content checks read each object from the store; they run outside any
 * transaction, and a report is saved in its own.
 */
@Stateless
public class FourPropertyCheck {
    @Inject
    DossierRules dossier;

    @Inject
    ContentRules content;

    @Inject
    ObjectStore store;

    @Inject
    DocumentRepository documents;

    @Inject
    BusinessTypeRepository catalogue;

    /**
     * Checks the dossier of {@code c}. With {@code records} (after numbering) the archive numbers, their series and the
     * objects' retention are checked too.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Item> check(BusinessCase c, List<ArchiveRecord> records) {
        return check(c, records, true);
    }

    /** Only what numbering adds: the records' metadata, their series and their retention in the store. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Item> recordChecks(BusinessCase c, List<ArchiveRecord> records) {
        return check(c, records, false);
    }

    private List<Item> check(BusinessCase c, List<ArchiveRecord> records, boolean content) {
        List<Item> items = new ArrayList<>();
        Optional<BusinessType> type = catalogue.find(c.businessType());
        List<CaseDocument> docs = documents.findByCase(c.id());
        Map<Long, ArchiveRecord> byDocument =
                records.stream().collect(Collectors.toMap(ArchiveRecord::documentId, r -> r, (a, b) -> a));
        if (content) {
            dossier.caseItems(c, type, docs, items);
        }
        for (CaseDocument d : docs) {
            ArchiveRecord r = byDocument.get(d.id());
            String subject = r != null ? r.archiveNumber() : "doc:" + d.id() + " " + d.fileName();
            if (d.disposedAt() != null && content) {
                items.add(CheckItems.item(
                        Property.INTEGRITY,
                        subject,
                        CheckCode.CONTENT,
                        true,
                        "destroyed under disposal list " + (r == null ? "" : r.disposalListId()) + " on "
                                + d.disposedAt() + "; the metadata is kept"));
                continue;
            }
            if (content) {
                documentItems(c, type, d, subject, items);
            }
            if (r != null) {
                dossier.recordItems(c, d, r, items);
            }
        }
        if (!records.isEmpty()) {
            dossier.seriesItems(records, items);
        }
        return items;
    }

    private void documentItems(
            BusinessCase c, Optional<BusinessType> type, CaseDocument d, String subject, List<Item> items) {
        // authenticity: metadata values
        List<String> bad = MetadataRules.documentProblems(c, type, d, Instant.now());
        items.add(CheckItems.item(
                Property.AUTHENTICITY,
                subject,
                CheckCode.METADATA,
                bad.isEmpty(),
                bad.isEmpty() ? "name, material, size, digests and time are well-formed" : String.join("; ", bad)));
        String key = StoredObject.keyFor(d.sha256());
        items.add(CheckItems.item(
                Property.AUTHENTICITY,
                subject,
                CheckCode.LOCATION,
                key.equals(d.objectKey()),
                key.equals(d.objectKey())
                        ? "stored at " + key
                        : "the metadata names " + d.objectKey() + ", the content is " + key));

        storedItems(d, subject, items);
    }

    /** The checks that read the object: complete, digests recomputed, and (when they agree) its content. */
    private void storedItems(CaseDocument d, String subject, List<Item> items) {
        // one read from the store: both digests, the size and the first bytes, and a local copy that the format, PDF/A,
        // rendering and virus checks read instead of fetching (and decrypting) the object again
        ObjectRead read;
        try {
            read = read(d.objectKey());
        } catch (ObjectNotFoundException e) {
            items.add(CheckItems.item(
                    Property.INTEGRITY,
                    subject,
                    CheckCode.CONTENT,
                    false,
                    "the object " + d.objectKey() + " is missing from the store"));
            return;
        } catch (IntegrityException e) {
            items.add(CheckItems.item(
                    Property.AUTHENTICITY,
                    subject,
                    CheckCode.DIGESTS,
                    false,
                    "the object could not be read whole: " + e.getMessage()));
            return;
        } catch (StorageException | IOException e) {
            // the store away (found by the soak: a case approved while the gateways were down was left to an
            // archivist): an outage, which the workflow round retries once the store answers
            items.add(CheckItems.item(
                    Property.AUTHENTICITY,
                    subject,
                    CheckCode.DIGESTS,
                    false,
                    CheckItems.STORE_DID_NOT_ANSWER + ": " + e.getMessage()));
            return;
        }
        items.add(CheckItems.item(
                Property.INTEGRITY,
                subject,
                CheckCode.CONTENT,
                read.size() == d.sizeBytes(),
                read.size() == d.sizeBytes()
                        ? read.size() + " bytes, complete"
                        : read.size() + " bytes read, " + d.sizeBytes() + " recorded"));
        boolean digests = read.sha256().equals(d.sha256()) && read.sm3().equals(d.sm3());
        items.add(CheckItems.item(
                Property.AUTHENTICITY,
                subject,
                CheckCode.DIGESTS,
                digests,
                digests
                        ? "SHA-256 and SM3 recomputed and equal to the recorded ones"
                        : "recomputed SHA-256 " + read.sha256() + " / SM3 " + read.sm3()
                                + " differ from the recorded ones"));
        try {
            if (digests) { // altered content: nothing else about it can be trusted
                contentItems(d, subject, read, items);
            }
        } finally {
            try {
                Files.deleteIfExists(read.copy());
            } catch (IOException e) {
                // a temporary file; the system's temp cleaner removes it
            }
        }
    }

    /**
     * The checks on receipt of one file of a transfer package (already copied to {@code file}): its real format against
     * the declared one, PDF/A by veraPDF or an archival image format, every page renders, no virus.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Item> receipt(String subject, String contentType, String role, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        List<Item> items = new ArrayList<>();
        content.contentItems(
                contentType, role, subject, new ObjectRead(Files.size(file), null, null, head, file), items);
        return items;
    }

    private void contentItems(CaseDocument d, String subject, ObjectRead read, List<Item> items) {
        content.contentItems(d.contentType(), d.role(), subject, read, items);
    }

    private ObjectRead read(String key) throws StorageException, IOException {
        FixityDigest digest = new FixityDigest();
        byte[] head = new byte[16];
        int headLength = 0;
        long size = 0;
        Path copy = Files.createTempFile("earchive-check", ".bin");
        try (InputStream in = store.get(key);
                OutputStream out = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        } catch (StorageException | IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        FixityDigest.Result digests = digest.finish();
        return new ObjectRead(size, digests.sha256Hex(), digests.sm3Hex(), Arrays.copyOf(head, headLength), copy);
    }
}
