package org.earchive.pension;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.CaseService;
import org.earchive.archive.application.DocumentService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.EventService;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.RecordView;
import org.eclipse.microprofile.config.ConfigProvider;

@Stateless
public class DefaultPensionService implements PensionService {
    static final Set<String> TYPES = Set.of("PENSION", "PENSION_BACKPAY");

    @EJB
    CaseService cases;

    @EJB
    ArchiveService archive;

    @EJB
    DocumentService documents;

    @EJB
    EventService events;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed(Roles.REVIEWER)
    public PensionDetermination determine(String caseNumber, PensionRequest request) throws EarchiveException {
        CaseView c = pensionCase(caseNumber);
        validate(request);
        PensionParameters parameters = parameters();
        PensionParameters.Region region = region(parameters, request);
        int divisor = divisor(parameters, request);
        BigDecimal deemed = PensionRequest.orZero(request.deemedYears());
        List<PensionDetermination.Evidence> evidence = evidence(c, parameters, request);
        PensionFormula.Result r = PensionFormula.compute(
                region.averageMonthlyWage(),
                region.transitionalCoefficient(),
                divisor,
                request.contributionYears(),
                deemed,
                request.averageIndex(),
                request.accountBalance());
        DocumentView filed = fileSheet(caseNumber, sheetLines(c, region, request, divisor, r, evidence));
        PensionDetermination determination = new PensionDetermination(
                caseNumber,
                region.region(),
                region.year(),
                region.averageMonthlyWage(),
                region.transitionalCoefficient(),
                request.retirementAge(),
                divisor,
                request.contributionYears(),
                deemed,
                request.averageIndex(),
                request.accountBalance(),
                r.basic(),
                r.personal(),
                r.transitional(),
                r.total(),
                evidence,
                filed.id(),
                filed.sha256());
        // fund control (基金管控) audits each payout against the evidence it rests on
        events.pensionDetermined(caseNumber, PensionEvents.details(determination));
        return determination;
    }

    private CaseView pensionCase(String caseNumber) throws EarchiveException {
        CaseView c = cases.find(caseNumber);
        if (!TYPES.contains(c.businessType())) {
            throw new EarchiveException(
                    ErrorCode.WRONG_BUSINESS_TYPE,
                    "案件 " + caseNumber + " 是 " + c.businessTypeName() + "，不是养老金核定业务。Case " + caseNumber + " is "
                            + c.businessType() + ", not a pension determination.");
        }
        return c;
    }

    private static void validate(PensionRequest request) throws EarchiveException {
        if (request == null) {
            throw invalid(List.of("the figures of the determination"));
        }
        List<String> invalid = new ArrayList<>();
        if (blank(request.region())) invalid.add("region");
        if (request.year() == null) invalid.add("year");
        if (request.retirementAge() == null) invalid.add("retirementAge");
        if (request.contributionYears() == null || request.contributionYears().signum() < 0)
            invalid.add("contributionYears (>= 0)");
        if (request.averageIndex() == null || request.averageIndex().signum() <= 0) invalid.add("averageIndex (> 0)");
        if (request.accountBalance() == null || request.accountBalance().signum() < 0)
            invalid.add("accountBalance (>= 0)");
        if (!invalid.isEmpty()) {
            throw invalid(invalid);
        }
    }

    private static PensionParameters.Region region(PensionParameters parameters, PensionRequest request)
            throws EarchiveException {
        return parameters
                .region(request.region(), request.year())
                .orElseThrow(() -> new EarchiveException(
                        ErrorCode.PARAMETERS_MISSING,
                        "没有地区 " + request.region() + " " + request.year()
                                + " 年度的计发参数。There are no pension parameters for region " + request.region() + " in "
                                + request.year()
                                + ": add them to the parameters file (EARCHIVE_PENSION_PARAMETERS)."));
    }

    private static int divisor(PensionParameters parameters, PensionRequest request) throws EarchiveException {
        return parameters
                .divisor(request.retirementAge())
                .orElseThrow(() -> new EarchiveException(
                        ErrorCode.PARAMETERS_MISSING,
                        "没有 " + request.retirementAge() + " 岁的计发月数。No months divisor for retirement at "
                                + request.retirementAge() + "."));
    }

    /** The evidence each part of the computation rests on, from the applicant's archive or this case's materials. */
    private List<PensionDetermination.Evidence> evidence(
            CaseView c, PensionParameters parameters, PensionRequest request) throws EarchiveException {
        Set<String> needed = new LinkedHashSet<>(parameters.evidence("always"));
        if (PensionRequest.orZero(request.transferInYears()).signum() > 0)
            needed.addAll(parameters.evidence("transferIn"));
        if (PensionRequest.orZero(request.deemedYears()).signum() > 0) needed.addAll(parameters.evidence("deemed"));
        if (PensionRequest.orZero(request.backPayYears()).signum() > 0
                || c.businessType().equals("PENSION_BACKPAY")) needed.addAll(parameters.evidence("backPay"));
        List<RecordView> archived = archive.person(c.applicantIdNumber());
        List<PensionDetermination.Evidence> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String material : needed) {
            Optional<RecordView> record = archived.stream()
                    .filter(r -> r.material().equals(material) && r.disposedAt() == null)
                    .findFirst();
            Optional<DocumentView> own = c.documents().stream()
                    .filter(d -> d.material().equals(material))
                    .findFirst();
            if (record.isPresent()) {
                evidence.add(
                        new PensionDetermination.Evidence(material, record.get().archiveNumber()));
            } else if (own.isPresent()) {
                evidence.add(new PensionDetermination.Evidence(
                        material, "case " + c.caseNumber() + " doc " + own.get().id()));
            } else {
                missing.add(material);
            }
        }
        if (!missing.isEmpty()) {
            throw new EarchiveException(
                    ErrorCode.EVIDENCE_MISSING,
                    "申请人档案中缺少核定依据：" + String.join("、", missing)
                            + "，请先调取或补充归档后再核定。The applicant's archive lacks the evidence " + missing
                            + ": have it archived (or collected with the case) and compute again.");
        }
        return evidence;
    }

    /** The computation sheet's text: the figures, the formula with them filled in, the evidence. */
    private static List<String> sheetLines(
            CaseView c,
            PensionParameters.Region region,
            PensionRequest request,
            int divisor,
            PensionFormula.Result r,
            List<PensionDetermination.Evidence> evidence) {
        String caseNumber = c.caseNumber();
        BigDecimal deemed = PensionRequest.orZero(request.deemedYears());
        BigDecimal transferIn = PensionRequest.orZero(request.transferInYears());
        BigDecimal backPay = PensionRequest.orZero(request.backPayYears());
        List<String> lines = new ArrayList<>();
        lines.add("案件编号 Case: " + caseNumber + "    业务 Type: " + c.businessTypeName());
        lines.add("申请人 Applicant: " + c.applicantName() + "    身份证号 ID: " + c.maskedApplicantId());
        lines.add("计发地区/年度 Region/year: " + region.region() + " / " + region.year());
        lines.add("上年度在岗职工月平均工资 W: " + region.averageMonthlyWage() + "    过渡系数 coefficient: "
                + region.transitionalCoefficient());
        lines.add("实际缴费年限 paid years: " + request.contributionYears() + "（其中转入 transferred in " + transferIn
                + "，补缴 paid back " + backPay + "）    视同缴费年限 deemed years: " + deemed);
        lines.add("平均缴费指数 average index I: " + request.averageIndex() + "    个人账户储存额 account balance: "
                + request.accountBalance());
        lines.add("退休年龄 retirement age: " + request.retirementAge() + "    计发月数 months divisor: " + divisor);
        lines.add("");
        lines.add("基础养老金 = W × (1 + I) ÷ 2 × N × 1% = " + region.averageMonthlyWage() + " × (1 + "
                + request.averageIndex() + ") ÷ 2 × " + r.years() + " × 1% = " + r.basic());
        lines.add("个人账户养老金 = 储存额 ÷ 计发月数 = " + request.accountBalance() + " ÷ " + divisor + " = " + r.personal());
        lines.add("过渡性养老金 = W × I × 视同年限 × 过渡系数 = " + region.averageMonthlyWage() + " × " + request.averageIndex()
                + " × " + deemed + " × " + region.transitionalCoefficient() + " = " + r.transitional());
        lines.add("月基本养老金 monthly basic pension = " + r.total() + " 元");
        lines.add("");
        lines.add("核定依据 evidence:");
        for (PensionDetermination.Evidence e : evidence) {
            lines.add("  " + e.material() + "  " + e.source());
        }
        return lines;
    }

    /** Renders the computation sheet as PDF/A and files it with the case's dossier. */
    private DocumentView fileSheet(String caseNumber, List<String> lines) throws EarchiveException {
        byte[] sheet;
        try {
            sheet = ComputationSheet.render(
                    "基本养老金核定表 Basic pension computation sheet",
                    lines,
                    caseNumber,
                    context.getCallerPrincipal().getName(),
                    Instant.now(),
                    ZoneId.systemDefault());
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "核定表生成失败。The computation sheet could not be written: " + e.getMessage(),
                    e);
        }
        return documents.attachWorkSheet(caseNumber, SHEET, "pension-sheet.pdf", new ByteArrayInputStream(sheet));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static EarchiveException invalid(List<String> fields) {
        return new EarchiveException(
                ErrorCode.INVALID_REQUEST,
                "核定数据不完整：" + String.join("、", fields) + "。The determination needs: " + String.join(", ", fields) + ".");
    }

    static PensionParameters parameters() throws EarchiveException {
        Optional<Path> file = ConfigProvider.getConfig(DefaultPensionService.class.getClassLoader())
                .getOptionalValue("earchive.pension.parameters", String.class)
                .filter(s -> !s.isBlank())
                .map(Path::of);
        try {
            return PensionParameters.load(file);
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.PARAMETERS_MISSING,
                    "养老金计发参数无法读取。The pension parameters cannot be read: " + e.getMessage(),
                    e);
        }
    }
}
