package org.earchive.archive.application.dto;

/** What a clerk enters to open a case. */
public record OpenCaseCommand(
        String businessType,
        String applicantIdNumber,
        String applicantName,
        String channel,
        String employerCode,
        String employerName) {
    public OpenCaseCommand(String businessType, String applicantIdNumber, String applicantName, String channel) {
        this(businessType, applicantIdNumber, applicantName, channel, null, null);
    }
}
