package org.earchive.web.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;

/** Values that arrive as text in requests, parsed in one place with one error. */
final class RequestValues {
    private RequestValues() {}

    /** The longest applicant or employer name, file name and comment (decision, reason, purpose) accepted. */
    static final int NAME = 100;

    static final int FILE_NAME = 255;
    static final int COMMENT = 1000;
    static final int MAX_PAGE = 10_000;
    static final int MAX_PAGE_SIZE = 100;

    /** C0 controls and the bidirectional overrides and isolates that make a name display other than it is. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u0000-\\u001F\\u007F\\u202A-\\u202E\\u2066-\\u2069]");

    /** A name or comment from a form: at most {@code max} characters, no control or bidi characters; null stays null. */
    static String text(String field, String value, int max) throws EarchiveException {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    field + " 最多 " + max + " 个字符。" + field + " is at most " + max + " characters (" + value.length()
                            + " sent).");
        }
        boolean multiline = max >= COMMENT;
        String checked = multiline ? value.replace("\n", "").replace("\r", "").replace("\t", "") : value;
        if (INVISIBLE.matcher(checked).find()) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    field + " 含有控制字符或文字方向控制符。" + field
                            + " contains control or text-direction characters: remove them.");
        }
        return value;
    }

    /** A file name as kept: control and bidi characters removed (they disguise a name's extension), at most 255. */
    static String fileName(String name) throws EarchiveException {
        String clean =
                INVISIBLE.matcher(name == null ? "" : name).replaceAll("").strip();
        if (clean.length() > FILE_NAME) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "文件名最多 " + FILE_NAME + " 个字符。A file name is at most " + FILE_NAME
                            + " characters: rename the file.");
        }
        return clean.isEmpty() ? "document" : clean;
    }

    /** A result page number, 0 to 10,000. */
    static int page(int page) throws EarchiveException {
        if (page < 0 || page > MAX_PAGE) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "页码应在 0 到 " + MAX_PAGE + " 之间。page is 0 to " + MAX_PAGE
                            + "; narrow the search instead of paging further.");
        }
        return page;
    }

    /** A result page size, 1 to 100. */
    static int size(int size) throws EarchiveException {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "size is 1 to " + MAX_PAGE_SIZE + ".");
        }
        return size;
    }

    /** A {@code yyyy-MM-dd} date; null or blank means none. */
    static LocalDate date(String value) throws EarchiveException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "日期格式应为 yyyy-MM-dd。Write dates as yyyy-MM-dd.");
        }
    }
}
