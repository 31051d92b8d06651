package org.earchive.archive.application.internal;

import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.check.CheckCode;
import org.earchive.archive.domain.model.check.Property;

/** Report items made from the check's enums, so that a property or a check is never a free-typed string. */
final class CheckItems {
    private CheckItems() {}

    static Item item(Property property, String subject, CheckCode check, boolean passed, String detail) {
        return new Item(property.name(), subject, check.code(), passed, detail);
    }
}
