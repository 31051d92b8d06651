package org.earchive.archive.domain.model.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.document.CaseDocument;

/**
 * The four-property check's rules on a document's metadata (DA/T 70, authenticity of the metadata values), as pure
 * functions of the case, its catalogue entry and the document: no store, no clock but the one given. The runner in
 * the application layer reads the objects and turns these answers into report items with stable codes.
 */
public final class MetadataRules {
    private MetadataRules() {}

    /** What is wrong with the document's recorded metadata; empty when name, material, size, digests and time hold. */
    public static List<String> documentProblems(
            BusinessCase c, Optional<BusinessType> type, CaseDocument d, Instant now) {
        List<String> bad = new ArrayList<>();
        if (d.fileName() == null || d.fileName().isBlank() || d.fileName().length() > 255) {
            bad.add("file name empty or longer than 255");
        }
        if (type.isPresent() && type.get().material(d.materialCode()).isEmpty()) {
            bad.add("material " + d.materialCode() + " is not in the catalogue of " + c.businessType());
        }
        if (d.sizeBytes() <= 0) {
            bad.add("size " + d.sizeBytes());
        }
        if (!isHexDigest(d.sha256()) || !isHexDigest(d.sm3())) {
            bad.add("digests not 64 hex characters");
        }
        if (d.uploadedAt() == null
                || d.uploadedAt().isAfter(now)
                || d.uploadedAt().isBefore(c.acceptedAt().minusSeconds(86_400))) {
            bad.add("upload time " + d.uploadedAt() + " outside the case's life");
        }
        return bad;
    }

    /** A SHA-256 or SM3 digest as the archive records it: 64 lower-case hex characters. */
    public static boolean isHexDigest(String digest) {
        return digest != null && digest.matches("[0-9a-f]{64}");
    }
}
