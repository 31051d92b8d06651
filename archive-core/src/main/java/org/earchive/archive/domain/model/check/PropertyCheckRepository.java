package org.earchive.archive.domain.model.check;

import java.util.List;
import java.util.Optional;

/** The stored reports of four-property checks. */
public interface PropertyCheckRepository {
    /** Stores a new report and returns it with its id. */
    PropertyCheck store(PropertyCheck check);

    /** A case's reports, newest first. */
    List<PropertyCheck> byCase(long caseId);

    Optional<PropertyCheck> find(long id);
}
