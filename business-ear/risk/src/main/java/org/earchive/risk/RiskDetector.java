package org.earchive.risk;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.RiskService;
import org.earchive.archive.application.dto.CaseEvidence;
import org.earchive.archive.application.dto.CaseFlagView;
import org.earchive.archive.application.dto.Sighting;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rules: a document of this case whose file (SHA-256) or certificate number was presented in another case is a
 * risk when that case is another applicant's, or the same kind of business (one death certificate, two lump-sum
 * payments). The same person's ID card copy in their enrollment and their pension is normal and is not flagged.
 */
@Stateless
public class RiskDetector {
    private static final Logger LOG = Logger.getLogger(RiskDetector.class.getName());
    public static final String SAME_DOCUMENT = "SAME_DOCUMENT";
    public static final String SAME_CERTIFICATE_NUMBER = "SAME_CERTIFICATE_NUMBER";
    public static final String APPLICANT_ID_MISMATCH = IdentityRule.APPLICANT_ID_MISMATCH;

    /**
     * The materials that carry a certificate number worth comparing across cases; only their text is read (reading a
     * text extracts it from the PDF, which costs CPU at the counter's peak). {@code EARCHIVE_RISK_CERTIFICATE_MATERIALS}.
     */
    static final String CERTIFICATES =
            "DEATH_CERTIFICATE,TRANSFER_CERTIFICATE,HEIR_DOCUMENTS,BACKPAY_APPROVAL,ARBITRATION_RULING";

    @EJB
    RiskService risk;

    static Set<String> certificateMaterials() {
        return codes("earchive.risk.certificate-materials", CERTIFICATES);
    }

    /** A comma-separated list of catalogue codes from the configuration, or its default. */
    static Set<String> codes(String property, String defaults) {
        String configured = ConfigProvider.getConfig(RiskDetector.class.getClassLoader())
                .getOptionalValue(property, String.class)
                .orElse(defaults);
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Examines one case; returns the flags raised now (or raised before for the same evidence). */
    public List<CaseFlagView> examine(String caseNumber) throws EarchiveException {
        Set<String> certificates = certificateMaterials();
        Set<String> read = new HashSet<>(certificates);
        read.addAll(IdentityRule.materials());
        CaseEvidence evidence = risk.evidence(caseNumber, read);
        List<CaseFlagView> flags = new ArrayList<>(IdentityRule.check(evidence, risk));
        Map<String, List<Sighting>> sameContent = risk.sameContent(
                evidence.documents().stream().map(CaseEvidence.Item::sha256).toList(), caseNumber);
        for (CaseEvidence.Item d : evidence.documents()) {
            for (Sighting s : sameContent.getOrDefault(d.sha256(), List.of())) {
                if (risky(evidence, s)) {
                    flags.add(risk.raise(
                            caseNumber,
                            SAME_DOCUMENT,
                            "sha256:" + d.sha256() + "@" + s.caseNumber(),
                            "材料 " + d.material() + "（" + d.fileName() + "）与案件 " + s.caseNumber() + " 的 " + s.material()
                                    + (s.archiveNumber() == null ? "" : "（档号 " + s.archiveNumber() + "）")
                                    + " 是同一文件 / the same file (SHA-256 "
                                    + d.sha256().substring(0, 16) + "…) was presented in case " + s.caseNumber() + " ("
                                    + s.businessType()
                                    + ", applicant " + s.applicantIdMasked() + ")",
                            s.caseNumber()));
                }
            }
            for (String number :
                    certificates.contains(d.material()) ? CertificateNumbers.in(d.text()) : Set.<String>of()) {
                for (Sighting s : risk.sameText(number, caseNumber)) {
                    if (risky(evidence, s)) {
                        flags.add(risk.raise(
                                caseNumber,
                                SAME_CERTIFICATE_NUMBER,
                                "no:" + number + "@" + s.caseNumber(),
                                "材料 " + d.material() + " 中的证件编号 " + number + " 已出现在案件 " + s.caseNumber() + " 的档案 "
                                        + s.archiveNumber() + " 中 / certificate number " + number
                                        + " is also in record " + s.archiveNumber()
                                        + " of case " + s.caseNumber() + " (" + s.businessType() + ", applicant "
                                        + s.applicantIdMasked() + ")",
                                s.caseNumber()));
                    }
                }
            }
        }
        if (!flags.isEmpty()) {
            LOG.info(() -> "Case " + caseNumber + ": " + flags.size() + " risk signal(s)");
        }
        return flags;
    }

    private static boolean risky(CaseEvidence evidence, Sighting s) {
        return !s.sameApplicant() || s.businessType().equals(evidence.businessType());
    }
}
