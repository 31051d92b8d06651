package org.earchive.archive.application.dto;

import java.util.List;

/**
 * A business type of the catalogue as administrators edit it.
 *
 * @param retention PERMANENT, Y100, Y50, Y30 or Y10
 * @param version the version read; a save with an older one is refused (someone else changed it meanwhile)
 */
public record BusinessTypeView(
        String code,
        String nameZh,
        String nameEn,
        int deadlineHours,
        String archiveCategory,
        String retention,
        String reviewerSkill,
        boolean supplementAllowed,
        List<Material> materials,
        Integer version) {

    public record Material(String code, String nameZh, String nameEn, boolean required) {}
}
