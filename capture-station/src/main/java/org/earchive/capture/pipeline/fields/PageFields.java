package org.earchive.capture.pipeline.fields;

import java.util.List;

/**
 * The fields read from one page; a field not on the page is null, one on it that did not validate has a null value.
 *
 * @param title the form's title as printed (its first prominent line), or null
 */
public record PageFields(Field citizenId, Field name, Field creditCode, List<Field> dates, Field title) {
    public static final PageFields NONE = new PageFields(null, null, null, List.of(), null);

    public boolean empty() {
        return citizenId == null && name == null && creditCode == null && dates.isEmpty() && title == null;
    }
}
