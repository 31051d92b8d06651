package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.BusinessTypeView;

/** The business catalogue: data an administrator edits without a redeploy; every change is audited. */
@Local
public interface CatalogueService {
    List<BusinessTypeView> types();

    /** Creates the type or revises it (all but its code); refused with {@code INVALID_REQUEST} naming the bad field. */
    BusinessTypeView save(BusinessTypeView type) throws EarchiveException;
}
