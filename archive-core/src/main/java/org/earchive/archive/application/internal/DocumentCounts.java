package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.document.DocumentRepository;

/** Row counts for reports, read in their own short transaction. */
@Stateless
public class DocumentCounts {
    @Inject
    CaseRepository cases;

    @Inject
    DocumentRepository documents;

    public long[] casesAndDocuments() {
        return new long[] {cases.count(), documents.count()};
    }
}
