package org.earchive.web.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;

/** Values that arrive as text in requests, parsed in one place with one error. */
final class RequestValues {
  private RequestValues() {}

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
