package org.earchive.archive.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.storage.IntegrityException;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.digest.DigestingInputStream;
import org.earchive.storage.digest.FixityDigest;

/**
 * Reads one stored object whole, computing SHA-256 and SM3 while it streams, and compares both and the size with what
 * the database recorded at upload: the full audit and the incremental slices ask the same question here.
 */
@ApplicationScoped
public class ObjectVerifier {
    /** The reason given for an object the store does not have. */
    static final String MISSING = "missing";

    @Inject
    ObjectStore store;

    /** Empty if the object is whole; else why not ({@link #MISSING} if absent). */
    public Optional<String> check(DocumentRepository.Reference ref) throws EarchiveException {
        try (InputStream in = store.get(ref.key())) {
            DigestingInputStream digesting = new DigestingInputStream(in);
            digesting.transferTo(OutputStream.nullOutputStream());
            FixityDigest.Result actual = digesting.digest().finish();
            if (!actual.sha256Hex().equals(ref.sha256())) {
                return Optional.of("SHA-256 is " + actual.sha256Hex() + ", recorded " + ref.sha256());
            }
            if (!actual.sm3Hex().equals(ref.sm3())) {
                return Optional.of("SM3 is " + actual.sm3Hex() + ", recorded " + ref.sm3());
            }
            if (actual.length() != ref.size()) {
                return Optional.of("size is " + actual.length() + ", recorded " + ref.size());
            }
            return Optional.empty();
        } catch (ObjectNotFoundException e) {
            return Optional.of(MISSING);
        } catch (IntegrityException e) {
            return Optional.of(e.getMessage());
        } catch (IOException | StorageException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "The object store failed during the audit: " + e.getMessage(), e);
        }
    }
}
