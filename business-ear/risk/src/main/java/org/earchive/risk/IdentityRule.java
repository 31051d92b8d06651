package org.earchive.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.RiskService;
import org.earchive.archive.application.dto.CaseEvidence;
import org.earchive.archive.application.dto.CaseFlagView;

/**
 * Whose papers are these? A material that identifies the applicant (ID card copy, application or claim form) and
 * carries citizen IDs that pass their check character, none of them the applicant's, is a risk: the wrong person's
 * card scanned into the case, or a case opened under someone else's number. The counter already warns before the
 * batch is sent; this is the signal the reviewer and the risk screen see. IDs appear masked in the evidence.
 *
 * <p>{@code EARCHIVE_RISK_IDENTITY_MATERIALS} lists the materials; {@code EARCHIVE_RISK_IDENTITY_EXEMPT_TYPES} the
 * businesses where another person's card is normal (a lump-sum death benefit: the heirs present their own cards).
 */
final class IdentityRule {
    static final String APPLICANT_ID_MISMATCH = "APPLICANT_ID_MISMATCH";
    static final String MATERIALS = "ID_CARD,APPLICATION_FORM,CLAIM_FORM";
    static final String EXEMPT_TYPES = "LUMP_SUM";

    private IdentityRule() {}

    static Set<String> materials() {
        return RiskDetector.codes("earchive.risk.identity-materials", MATERIALS);
    }

    static List<CaseFlagView> check(CaseEvidence evidence, RiskService risk) throws EarchiveException {
        List<CaseFlagView> flags = new ArrayList<>();
        if (RiskDetector.codes("earchive.risk.identity-exempt-types", EXEMPT_TYPES)
                .contains(evidence.businessType())) {
            return flags;
        }
        Set<String> materials = materials();
        String applicant = CaseEvidence.mask(evidence.applicantIdNumber());
        for (CaseEvidence.Item d : evidence.documents()) {
            if (!materials.contains(d.material())
                    || d.citizenIds().isEmpty()
                    || d.citizenIds().contains(evidence.applicantIdNumber())) {
                continue;
            }
            String read = CaseEvidence.mask(d.citizenIds().get(0));
            flags.add(risk.raise(
                    evidence.caseNumber(),
                    APPLICANT_ID_MISMATCH,
                    "doc:" + d.documentId(),
                    "材料 " + d.material() + "（" + d.fileName() + "）上的公民身份号码 " + read + " 不是申请人 "
                            + applicant + " 的 / the citizen ID on this material (" + read
                            + ") is not the applicant's (" + applicant + ")",
                    null));
        }
        return flags;
    }
}
