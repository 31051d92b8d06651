package org.earchive.archive.application.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earchive.archive.domain.model.identity.CitizenId;

/**
 * A case as the front end and the API show it. {@code applicantIdNumber} is whatever the caller's role may see
 * (masked for most).
 */
public record CaseView(
        String caseNumber,
        String businessType,
        String businessTypeName,
        String status,
        String channel,
        String applicantIdNumber,
        String applicantName,
        String acceptedBy,
        Instant acceptedAt,
        Instant dueAt,
        List<MaterialView> requiredMaterials,
        List<String> missingMaterials,
        List<DocumentView> documents,
        String assignedTo,
        String decidedBy,
        String decisionComment,
        LocalDate supplementPromised,
        boolean overdue,
        List<CaseEventView> history,
        String employerCode,
        String employerName,
        boolean promiseOpen,
        String closedBy,
        Instant closedAt,
        String closedReason) {

    /** The citizen ID as paper leaving the counter shows it (region and last four characters), whatever the role. */
    public String maskedApplicantId() {
        return CitizenId.mask(applicantIdNumber);
    }
}
