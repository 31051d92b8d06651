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
        c.approve("reviewer", "材料齐全，符合条件", NOW, false);
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
                assertThrows(WorkflowException.class, () -> c.approve("clerk", "ok", NOW, false))
                        .reason());
    }

    @Test
    void onlyTheAssignedReviewerDecidesAndAlwaysWithAReason() {
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        assertEquals(
                WorkflowException.Reason.NOT_ASSIGNED_TO_YOU,
                assertThrows(WorkflowException.class, () -> c.approve("reviewer2", "ok", NOW, false))
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
                assertThrows(WorkflowException.class, () -> c.approve("reviewer", "ok", NOW, false))
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
        c.approve("reviewer", "ok", NOW, false);
        assertFalse(c.overdue(NOW.plus(Duration.ofHours(241))));
    }

    @Test
    void anApprovalWithAPromisedMaterialStillToComeWaitsForItThenTheCaseIsApproved() throws Exception {
        BusinessCase enroll = accepted(ENROLL);
        enroll.submit(ENROLL, Set.of("ID_CARD"), LocalDate.of(2026, 12, 5), NOW);
        enroll.assign("reviewer", NOW);
        assertTrue(enroll.promiseOpen());
        assertTrue(enroll.acceptsPromised(), "past the counter the promised material is still taken");
        assertFalse(enroll.acceptsMaterials());
        enroll.approve("reviewer", "符合条件，待补交身份证", NOW, true);
        assertEquals(CaseStatus.AWAITING_MATERIALS, enroll.status());
        assertThrows(WorkflowException.class, () -> enroll.archive(NOW), "not archived while a material is missing");
        assertFalse(enroll.promiseOverdue(LocalDate.of(2026, 12, 5)));
        assertTrue(enroll.promiseOverdue(LocalDate.of(2026, 12, 6)));
        enroll.promiseKept(NOW.plus(Duration.ofDays(2)));
        assertEquals(CaseStatus.APPROVED, enroll.status());
        assertFalse(enroll.promiseOpen());
        assertFalse(enroll.promiseOverdue(LocalDate.of(2026, 12, 6)));
        enroll.archive(NOW.plus(Duration.ofDays(2)));
        assertEquals(CaseStatus.ARCHIVED, enroll.status());
    }

    @Test
    void aPromiseKeptDuringTheReviewLeavesTheCaseWithItsReviewer() throws Exception {
        BusinessCase enroll = accepted(ENROLL);
        enroll.submit(ENROLL, Set.of("ID_CARD"), LocalDate.of(2026, 12, 5), NOW);
        enroll.assign("reviewer", NOW);
        enroll.promiseKept(NOW);
        assertEquals(CaseStatus.ASSIGNED, enroll.status());
        assertFalse(enroll.acceptsPromised());
        assertThrows(WorkflowException.class, () -> enroll.promiseKept(NOW), "a promise is kept once");
    }

    @Test
    void anApplicantWithdrawsBeforeADecisionWithAReasonAndNotAfter() {
        assertEquals(
                WorkflowException.Reason.REASON_REQUIRED,
                assertThrows(WorkflowException.class, () -> c.withdraw("clerk", " ", NOW))
                        .reason());
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        c.withdraw("clerk", "申请人不再办理", NOW);
        assertEquals(CaseStatus.WITHDRAWN, c.status());
        assertEquals("申请人不再办理", c.closure().orElseThrow().comment());
        assertFalse(c.overdue(NOW.plus(Duration.ofDays(30))), "a withdrawn case is never overdue");
        assertFalse(c.acceptsMaterials());
        assertEquals(
                WorkflowException.Reason.ILLEGAL_TRANSITION,
                assertThrows(WorkflowException.class, () -> c.withdraw("clerk", "again", NOW))
                        .reason());
    }

    @Test
    void onlyARejectedCaseIsClosedAndAClosedCaseTakesNothingMore() {
        assertThrows(WorkflowException.class, () -> c.close("clerk", "不予受理", NOW));
        c.submit(PENSION, Set.of(), null, NOW);
        c.assign("reviewer", NOW);
        c.reject("reviewer", "不符合条件", NOW);
        assertThrows(WorkflowException.class, () -> c.withdraw("clerk", "late", NOW), "decided: no withdrawal");
        c.close("clerk", "申请人已知悉不予批准", NOW);
        assertEquals(CaseStatus.CLOSED, c.status());
        assertFalse(c.acceptsMaterials());
        assertThrows(WorkflowException.class, () -> c.submit(PENSION, Set.of(), null, NOW));
    }
}
