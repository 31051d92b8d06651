package org.earchive.archive.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitizenIdsInTextTest {
    @Test
    void idsAreFoundWholeOrSplitByTheOcrAndOnlyWhenTheyPassTheirCheck() {
        assertEquals(List.of("11010519491231002X"), CitizenIdsInText.in("公民身份号码 11010519491231002x 联系电话 13812345678"));
        assertEquals(
                List.of("11010519491231002X"),
                CitizenIdsInText.in("居民身份证 110105 19491231 002X 3f6e2a10-0d4b-4c53-9a5e-8f1e2b3c4d5e"),
                "split into groups, followed by another number: the groups that make 18 characters");
        assertEquals(List.of(), CitizenIdsInText.in("110105194912310021"), "a wrong check character is a misread");
        assertEquals(List.of(), CitizenIdsInText.in("1101051949123100212"), "19 digits are no ID");
        assertEquals(List.of(), CitizenIdsInText.in("110105 1949\n1231002X"), "not across lines");
        assertEquals(List.of(), CitizenIdsInText.in(null));
    }
}
