package org.earchive.pension;

import java.math.BigDecimal;
import java.util.List;

/** A determination as computed and filed: the figures used, each part, the total and the evidence it rests on. */
public record PensionDetermination(
        String caseNumber,
        String region,
        int year,
        BigDecimal averageMonthlyWage,
        BigDecimal transitionalCoefficient,
        int retirementAge,
        int divisor,
        BigDecimal contributionYears,
        BigDecimal deemedYears,
        BigDecimal averageIndex,
        BigDecimal accountBalance,
        BigDecimal basicPension,
        BigDecimal personalAccountPension,
        BigDecimal transitionalPension,
        BigDecimal monthlyPension,
        List<Evidence> evidence,
        long sheetDocumentId,
        String sheetSha256) {

    /** One piece of evidence: the material and where it is (an archive number, or the case's own material). */
    public record Evidence(String material, String source) {}
}
