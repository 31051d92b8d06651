package org.earchive.pension;

import java.math.BigDecimal;

/**
 * The figures of a determination, read by the reviewer from the contribution record extract: region and year of the
 * parameters, retirement age, years actually paid (of which transferred in and paid back), deemed years (视同缴费年限),
 * the average contribution index (平均缴费指数) and the personal account balance.
 */
public record PensionRequest(
        String region,
        Integer year,
        Integer retirementAge,
        BigDecimal contributionYears,
        BigDecimal deemedYears,
        BigDecimal transferInYears,
        BigDecimal backPayYears,
        BigDecimal averageIndex,
        BigDecimal accountBalance) {

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
