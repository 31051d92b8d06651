package org.earchive.archive.application.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.storage.StorageException;
import org.earchive.storage.StorageFullException;

/** Failures that several services report in the same words. */
final class Failures {
    private Failures() {}

    static EarchiveException tooLarge(long limit) {
        return new EarchiveException(
                ErrorCode.FILE_TOO_LARGE,
                "文件超过 " + (limit / (1024 * 1024)) + " MB 的上限，请分开扫描或降低分辨率后重新上传。The file is larger than the limit of "
                        + (limit / (1024 * 1024)) + " MB: split it or scan at a lower resolution, then upload again.");
    }

    static EarchiveException documentNotFound(long id) {
        return new EarchiveException(
                ErrorCode.DOCUMENT_NOT_FOUND, "没有编号为 " + id + " 的文件。No document has the id " + id + ".");
    }

    static EarchiveException caseNotFound(String caseNumber) {
        return new EarchiveException(
                ErrorCode.CASE_NOT_FOUND,
                "没有找到业务编号为 " + caseNumber + " 的案件。No case has the number " + caseNumber + ".");
    }

    static EarchiveException recordNotFound(String archiveNumber) {
        return new EarchiveException(
                ErrorCode.RECORD_NOT_FOUND,
                "没有档号为 " + archiveNumber + " 的档案。No record has the number " + archiveNumber + ".");
    }

    /** The store failed during an upload: nothing was kept, the clerk uploads again. */
    static EarchiveException storeUnavailable(StorageException e) {
        if (e instanceof StorageFullException) {
            Logger.getLogger(Failures.class.getName()).severe("The object store is full: " + e.getMessage());
            return new EarchiveException(
                    ErrorCode.DISK_FULL,
                    "档案存储空间已满，文件未保存；请通知系统管理员清理或扩容后重新上传。The archive store's disk is full and the file was"
                            + " not kept: tell the administrator, then upload it again once room is made.",
                    e);
        }
        return storeFailure(
                e,
                "档案存储暂时不可用，文件未保存，请稍后重新上传。The archive store is not available and the file was not kept: upload it again later.");
    }

    /** The store failed during a read: nothing changed, the reader tries again. */
    static EarchiveException storeUnreadable(StorageException e) {
        return storeFailure(e, "档案存储暂时不可用，请稍后再试。The archive store is not available: try again in a few minutes.");
    }

    private static EarchiveException storeFailure(StorageException e, String message) {
        Logger.getLogger(Failures.class.getName()).log(Level.WARNING, "Object store failure: " + e.getMessage(), e);
        return new EarchiveException(ErrorCode.STORAGE_UNAVAILABLE, message, e);
    }
}
