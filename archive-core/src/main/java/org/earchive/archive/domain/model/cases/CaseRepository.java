package org.earchive.archive.domain.model.cases;

import java.util.Optional;

public interface CaseRepository {
  Optional<BusinessCase> find(String caseNumber);

  Optional<BusinessCase> findById(long id);

  long count();

  /** Stores a new case and returns it with its id assigned (the row is written at the end of the transaction). */
  BusinessCase store(BusinessCase businessCase);
}
