package org.earchive.pension;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The national formula of the monthly basic pension (国发〔2005〕38号), each part rounded to the fen:
 *
 * <ul>
 *   <li>basic pension (基础养老金) = W × (1 + I) / 2 × N × 1%, where W is the previous year's average monthly wage, I the
 *       average contribution index and N the contribution years including deemed years;
 *   <li>personal-account pension (个人账户养老金) = account balance / months divisor of the retirement age (139 at 60,
 *       170 at 55, 195 at 50);
 *   <li>transitional pension (过渡性养老金) = W × I × deemed years × the region's transitional coefficient.
 * </ul>
 */
public final class PensionFormula {
    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private PensionFormula() {}

    public record Result(
            BigDecimal years,
            BigDecimal basic,
            int divisor,
            BigDecimal personal,
            BigDecimal transitional,
            BigDecimal total) {}

    public static Result compute(
            BigDecimal wage,
            BigDecimal coefficient,
            int divisor,
            BigDecimal paidYears,
            BigDecimal deemedYears,
            BigDecimal index,
            BigDecimal balance) {
        BigDecimal years = paidYears.add(deemedYears);
        BigDecimal basic = wage.multiply(BigDecimal.ONE.add(index))
                .divide(TWO)
                .multiply(years)
                .multiply(ONE_PERCENT)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal personal = balance.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP);
        BigDecimal transitional =
                wage.multiply(index).multiply(deemedYears).multiply(coefficient).setScale(2, RoundingMode.HALF_UP);
        return new Result(
                years,
                basic,
                divisor,
                personal,
                transitional,
                basic.add(personal).add(transitional));
    }
}
