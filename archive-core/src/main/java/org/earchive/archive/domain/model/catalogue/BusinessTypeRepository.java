package org.earchive.archive.domain.model.catalogue;

import java.util.List;
import java.util.Optional;

public interface BusinessTypeRepository {
    /**
     * The catalogue entry as the whole application shares it (read on every upload and submission): read-only, never
     * to be changed; {@link #findForChange(String)} gives a copy an administrator's change is made on.
     */
    Optional<BusinessType> find(String code);

    /** The entry as a managed copy, for {@link BusinessType#revise}; its changes are saved with the transaction. */
    Optional<BusinessType> findForChange(String code);

    List<BusinessType> findAll();

    void store(BusinessType type);

    long count();

    /** Writes pending changes now, so that the entry's version is the saved one. */
    void flush();
}
