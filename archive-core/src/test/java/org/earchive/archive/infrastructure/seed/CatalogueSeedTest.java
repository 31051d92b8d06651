package org.earchive.archive.infrastructure.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.junit.jupiter.api.Test;

class CatalogueSeedTest {
    @Test
    void theSeedHoldsTheSixBusinessTypesOfTheDomainBriefEachWithRequiredMaterials() {
        List<BusinessType> types = StartupSeeder.readCatalogue();
        assertEquals(
                Set.of("ENROLL", "PENSION", "PENSION_BACKPAY", "LUMP_SUM", "BACKPAY", "TRANSFER"),
                types.stream().map(BusinessType::code).collect(Collectors.toSet()));
        for (BusinessType t : types) {
            assertTrue(t.materials().stream().anyMatch(MaterialRequirement::required), t.code());
            assertTrue(t.material("ID_CARD").isPresent(), t.code() + " must ask for the ID card copy");
        }
    }
}
