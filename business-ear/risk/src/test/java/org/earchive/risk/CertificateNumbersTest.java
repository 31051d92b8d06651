package org.earchive.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateNumbersTest {
    @Test
    void numbersAfterTheirLabelAreFoundAndShortOnesAreNot() {
        assertEquals(Set.of("L440300202611001"), CertificateNumbers.in("死亡医学证明书编号：L440300202611001 签发机关 某医院"));
        assertEquals(Set.of("A12345678"), CertificateNumbers.in("证号 a12345678"));
        assertEquals(Set.of(), CertificateNumbers.in("编号 12345 页码 3"));
        assertEquals(Set.of(), CertificateNumbers.in(null));
    }
}
