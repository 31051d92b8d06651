package org.earchive.archive.domain.model.catalogue;

import java.util.List;
import java.util.Optional;

public interface BusinessTypeRepository {
  Optional<BusinessType> find(String code);

  List<BusinessType> findAll();

  void store(BusinessType type);

  long count();
}
