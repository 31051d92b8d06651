package org.earchive.archive.domain.model.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessCaseTest {
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
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
    static final BusinessType PENSION = new BusinessType(
            "PENSION",
            "养老金",
            "Pension",
            240,
            "DY",
            Retention.Y100,
            "pension",
            false,
            List.of(new MaterialRequirement("ID_CARD", "身份证", "ID card", true)));

    private BusinessCase c;

    static BusinessCase accepted(BusinessType type) throws Exception {
        BusinessCase c = new BusinessCase(
                type,
                new Applicant(CitizenId.parse("11010519491231002X"), "王芳"),
                Channel.COUNTER,
                "HALL-01",
                "clerk",
                NOW);
        Field id = BusinessCase.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(c, 7L);
        c.assignNumber(CaseNumber.of(CaseNumber.dayOf(NOW, ZoneOffset.UTC), 7));
        return c;
    }

    @BeforeEach
    void open() throws Exception {
        c = accepted(PENSION);
    }

    @Test
    void aCaseIsNumberedAndDueByItsTypesDeadline() {
        assertEquals("C2026113000000007", c.caseNumber());
        assertEquals(NOW.plus(Duration.ofHours(240)), c.dueAt());
        assertEquals(CaseStatus.ACCEPTED, c.status());
    }

    @Test
    void aCaseIsNumberedOnceWithAWellFormedNumber() {
        assertThrows(IllegalStateException.class, () -> c.assignNumber("C2026113000000008"));
        BusinessCase other = new BusinessCase(
                PENSION,
                new Applicant(CitizenId.parse("11010519491231002X"), "王芳"),
                Channel.COUNTER,
                "H",
                "clerk",
                NOW);
        assertThrows(IllegalArgumentException.class, () -> other.assignNumber("C20261130"));
        other.assignNumber("C202611300000042");
        assertEquals("C202611300000042", other.caseNumber(), "the seven-digit numbers given before remain valid");
    }

    @Test
    void theDayCounterHoldsTenMillionCasesADayAndRefusesBeyondItsRoom() {
        assertEquals("C2026120610000000", CaseNumber.of("20261206", 10_000_000));
        assertEquals("C2026120699999999", CaseNumber.of("20261206", CaseNumber.MAX_PER_DAY));
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.of("20261206", CaseNumber.MAX_PER_DAY + 1));
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.of("20261206", 0));
        CaseDayCounter day = new CaseDayCounter("20261206");
        assertEquals("C2026120600000001", day.next());
        assertEquals("C2026120600000002", day.next());
        assertEquals(2, day.lastNumber());
        assertEquals("20261205", CaseNumber.dayOf(Instant.parse("2026-12-05T15:59:59Z"), ZoneId.of("Asia/Shanghai")));
        assertEquals("20261206", CaseNumber.dayOf(Instant.parse("2026-12-05T16:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theWholeWayToTheArchive() {
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        c.approve("reviewer", "材料齐全，符合条件", NOW);
        c.archive(NOW);
        assertEquals(CaseStatus.ARCHIVED, c.status());
        assertEquals("reviewer", c.decidedBy());
    }

    @Test
    void theClerkWhoAcceptedACaseNeverDecidesIt() {
        c.submit(PENSION, Set.of(), null, NOW);
        WorkflowException e = assertThrows(WorkflowException.class, () -> c.assign("clerk", NOW));
        assertEquals(WorkflowException.Reason.FOUR_EYES, e.reason());
        c.assign("reviewer", NOW);
        assertEquals(
                WorkflowException.Reason.FOUR_EYES,
                assertThrows(WorkflowException.class, () -> c.approve("clerk", "ok", NOW))
                        .reason());
    }

    @Test
    void onlyTheAssignedReviewerDecidesAndAlwaysWithAReason() {
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        assertEquals(
                WorkflowException.Reason.NOT_ASSIGNED_TO_YOU,
                assertThrows(WorkflowException.class, () -> c.approve("reviewer2", "ok", NOW))
                        .reason());
        assertEquals(
                WorkflowException.Reason.REASON_REQUIRED,
                assertThrows(WorkflowException.class, () -> c.reject("reviewer", " ", NOW))
                        .reason());
    }

    @Test
    void illegalStepsAreRefused() {
        assertEquals(
                WorkflowException.Reason.ILLEGAL_TRANSITION,
                assertThrows(WorkflowException.class, () -> c.approve("reviewer", "ok", NOW))
                        .reason());
        assertThrows(WorkflowException.class, () -> c.archive(NOW));
        c.submit(PENSION, Set.of(), null, NOW);
        assertThrows(WorkflowException.class, () -> c.submit(PENSION, Set.of(), null, NOW), "submitted twice");
    }

    @Test
    void supplementAndRejectionGoBackToTheFrontOfficeAndCanBeResubmitted() {
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        c.requestSupplement("reviewer", "请补交户口簿", NOW);
        assertEquals(CaseStatus.SUPPLEMENT_REQUESTED, c.status());
        assertTrue(c.acceptsMaterials());
        assertEquals("请补交户口簿", c.decisionComment());
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer2", NOW);
        c.reject("reviewer2", "不符合领取条件", NOW);
        assertEquals(CaseStatus.REJECTED, c.status());
        c.submit(PENSION, Set.of(), null, NOW);
        assertEquals(CaseStatus.SUBMITTED, c.status());
    }

    @Test
    void missingMaterialsBlockSubmissionUnlessTheTypeAllowsALaterSupplementWithAPromisedDate() throws Exception {
        assertEquals(
                WorkflowException.Reason.MATERIALS_MISSING,
                assertThrows(
                                WorkflowException.class,
                                () -> c.submit(PENSION, Set.of("ID_CARD"), LocalDate.of(2026, 12, 5), NOW))
                        .reason());
        BusinessCase enroll = accepted(ENROLL);
        assertThrows(WorkflowException.class, () -> enroll.submit(ENROLL, Set.of("ID_CARD"), null, NOW));
        enroll.submit(ENROLL, Set.of("ID_CARD"), LocalDate.of(2026, 12, 5), NOW);
        assertEquals(LocalDate.of(2026, 12, 5), enroll.supplementPromised());
    }

    @Test
    void aCaseIsOverdueAfterItsDeadlineUntilItIsDecided() {
        assertFalse(c.overdue(NOW));
        assertTrue(c.overdue(NOW.plus(Duration.ofHours(241))));
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        c.approve("reviewer", "ok", NOW);
        assertFalse(c.overdue(NOW.plus(Duration.ofHours(241))));
    }
}
