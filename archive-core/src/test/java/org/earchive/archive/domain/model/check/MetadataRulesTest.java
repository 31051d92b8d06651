package org.earchive.archive.domain.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.cases.Applicant;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.Channel;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.junit.jupiter.api.Test;

/** The metadata rules answer from their inputs alone: each broken value is named, a sound document passes. */
class MetadataRulesTest {
    static final Instant ACCEPTED = Instant.parse("2026-11-30T02:00:00Z");
    static final String SHA = "a".repeat(64);
    static final BusinessType ENROLL = new BusinessType(
            "ENROLL",
            "参保登记",
            "Enrollment",
            24,
            "ZJ",
            Retention.PERMANENT,
            "enrollment",
            true,
            List.of(new MaterialRequirement("ID_CARD", "身份证", "ID card", true)));
    final BusinessCase c = new BusinessCase(
            ENROLL,
            new Applicant(CitizenId.parse("11010519491231002X"), "王芳"),
            Channel.COUNTER,
            "HALL-01",
            "clerk",
            ACCEPTED);

    private static CaseDocument doc(String material, long size, String sha256, Instant at) {
        return new CaseDocument(
                1L,
                material,
                "id.pdf",
                "application/pdf",
                new StoredContent("sha256/" + SHA, size, sha256, SHA),
                "clerk",
                at);
    }

    @Test
    void aSoundDocumentHasNoProblems() {
        CaseDocument d = doc("ID_CARD", 1000, SHA, ACCEPTED.plusSeconds(60));
        assertEquals(List.of(), MetadataRules.documentProblems(c, Optional.of(ENROLL), d, ACCEPTED.plusSeconds(120)));
    }

    @Test
    void eachBrokenValueIsNamed() {
        CaseDocument d = doc("HUKOU", 0, "XYZ", ACCEPTED.plus(Duration.ofDays(2)));
        List<String> problems =
                MetadataRules.documentProblems(c, Optional.of(ENROLL), d, ACCEPTED.plus(Duration.ofDays(1)));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("HUKOU is not in the catalogue of ENROLL"), problems.toString());
        assertTrue(problems.get(1).startsWith("size 0"), problems.toString());
        assertTrue(problems.get(2).contains("digests"), problems.toString());
        assertTrue(problems.get(3).contains("outside the case's life"), problems.toString());
    }

    @Test
    void anUploadLongBeforeTheCaseWasAcceptedIsOutsideItsLife() {
        CaseDocument d = doc("ID_CARD", 10, SHA, ACCEPTED.minus(Duration.ofDays(3)));
        assertEquals(
                1,
                MetadataRules.documentProblems(c, Optional.of(ENROLL), d, ACCEPTED)
                        .size());
        assertTrue(MetadataRules.isHexDigest(SHA));
        assertTrue(!MetadataRules.isHexDigest(SHA.toUpperCase()));
    }
}
