package org.earchive.pension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PensionFormulaTest {
    /**
     * Worked by hand: W = 12,964.00 (the bundled example for 440300 in 2026), I = 1.2, 25 years paid + 5 deemed,
     * balance 139,000.00, retiring at 60 (139 months), coefficient 1.2%:
     * basic 12,964 × 2.2 / 2 × 30 × 1% = 4,278.12; personal 139,000 / 139 = 1,000.00;
     * transitional 12,964 × 1.2 × 5 × 1.2% = 933.408 → 933.41; total 6,211.53.
     */
    @Test
    void theNationalFormulaGivesTheHandWorkedAmount() throws IOException {
        PensionParameters p = PensionParameters.load(Optional.empty());
        PensionParameters.Region r = p.region("440300", 2026).orElseThrow();
        PensionFormula.Result result = PensionFormula.compute(
                r.averageMonthlyWage(),
                r.transitionalCoefficient(),
                p.divisor(60).orElseThrow(),
                new BigDecimal("25"),
                new BigDecimal("5"),
                new BigDecimal("1.2"),
                new BigDecimal("139000.00"));
        assertEquals(new BigDecimal("4278.12"), result.basic());
        assertEquals(new BigDecimal("1000.00"), result.personal());
        assertEquals(new BigDecimal("933.41"), result.transitional());
        assertEquals(new BigDecimal("6211.53"), result.total());
    }

    @Test
    void divisorsAndEvidenceRulesComeFromTheData() throws IOException {
        PensionParameters p = PensionParameters.load(Optional.empty());
        assertEquals(139, p.divisor(60).orElseThrow());
        assertEquals(170, p.divisor(55).orElseThrow());
        assertEquals(195, p.divisor(50).orElseThrow());
        assertEquals(Optional.empty(), p.divisor(30));
        assertEquals(List.of("TRANSFER_CERTIFICATE"), p.evidence("transferIn"));
        assertEquals(Optional.empty(), p.region("440300", 1999));
    }

    @Test
    void withoutDeemedYearsThereIsNoTransitionalPension() {
        PensionFormula.Result result = PensionFormula.compute(
                new BigDecimal("10000"),
                new BigDecimal("0.012"),
                170,
                new BigDecimal("15"),
                BigDecimal.ZERO,
                new BigDecimal("0.6"),
                new BigDecimal("85000"));
        assertEquals(new BigDecimal("1200.00"), result.basic()); // 10,000 × 1.6 / 2 × 15 × 1%
        assertEquals(new BigDecimal("500.00"), result.personal());
        assertEquals(new BigDecimal("0.00"), result.transitional());
        assertEquals(new BigDecimal("1700.00"), result.total());
    }
}
