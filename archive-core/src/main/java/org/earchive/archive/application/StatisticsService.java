package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.time.LocalDate;
import org.earchive.archive.application.dto.CaseStatistics;

/** 统计分析: handling volumes, rates and times over a period, grouped as a centre manager asks. */
@Local
public interface StatisticsService {
    /**
     * Cases accepted from {@code from} to {@code to} (inclusive days; defaults: the last 30 days), grouped by
     * {@code businessType}, {@code hall}, {@code channel}, {@code reviewer} or {@code day}; within the caller's hall when
     * their work is one hall's.
     */
    CaseStatistics cases(LocalDate from, LocalDate to, String groupBy) throws EarchiveException;
}
