package org.earchive.archive.application.internal;

import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;

/** Failures that several services report in the same words. */
final class Failures {
    private Failures() {}

    static EarchiveException documentNotFound(long id) {
        return new EarchiveException(
                ErrorCode.DOCUMENT_NOT_FOUND, "没有编号为 " + id + " 的文件。No document has the id " + id + ".");
    }

    static EarchiveException caseNotFound(String caseNumber) {
        return new EarchiveException(
                ErrorCode.CASE_NOT_FOUND,
                "没有找到业务编号为 " + caseNumber + " 的案件。No case has the number " + caseNumber + ".");
    }
}
