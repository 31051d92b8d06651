package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.document.DocumentRepository.Reference;

/**
 * Which objects the database refers to, read in short transactions and in key order so that an audit of millions of
 * objects keeps bounded memory.
 */
@Stateless
public class ObjectReferences {
    @Inject
    DocumentRepository documents;

    public List<Reference> page(String afterKey, int limit) {
        return documents.references(afterKey, limit);
    }

    /** The objects with these keys that live documents refer to. */
    public List<Reference> of(Collection<String> keys) {
        return documents.references(keys);
    }

    /** The subset of {@code keys} that some row refers to. */
    public Set<String> referenced(Collection<String> keys) {
        return documents.referenced(keys);
    }
}
