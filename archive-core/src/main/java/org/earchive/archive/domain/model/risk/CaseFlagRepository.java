package org.earchive.archive.domain.model.risk;

import java.util.List;
import java.util.Optional;

/** The risk signals raised on cases. */
public interface CaseFlagRepository {
    /** Stores a new flag and returns it with its id. */
    CaseFlag store(CaseFlag flag);

    List<CaseFlag> byCase(String caseNumber);

    /** The newest flags first, at most {@code limit}. */
    List<CaseFlag> recent(int limit);

    /** The flag already raised on this case for this evidence, if any. */
    Optional<CaseFlag> find(String caseNumber, String kind, String evidenceKey);
}
