package org.earchive.archive.application.internal;

import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.check.CheckCode;
import org.earchive.archive.domain.model.check.Property;

/** Report items made from the check's enums, so that a property or a check is never a free-typed string. */
final class CheckItems {
    /** How an item says the virus scanner did not answer (an outage, not the file's fault). */
    static final String SCAN_COULD_NOT_RUN = "the scan could not run";
    /** How an item says the object store did not answer (an outage, not the object's fault). */
    static final String STORE_DID_NOT_ANSWER = "the object store did not answer";

    private CheckItems() {}

    /** Whether a failed item blames a service the check needs (scanner, store) rather than the dossier. */
    static boolean outage(Item i) {
        return i.detail() != null
                && (i.detail().startsWith(SCAN_COULD_NOT_RUN) || i.detail().startsWith(STORE_DID_NOT_ANSWER));
    }

    static Item item(Property property, String subject, CheckCode check, boolean passed, String detail) {
        return new Item(property.name(), subject, check.code(), passed, detail);
    }
}
