package org.earchive.web.rest;

import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.dto.CaseStatistics;

/** The statistics as a table with Chinese headers, the same for the workbook and the CSV: the groups, then the total. */
final class StatisticsTable {
    private StatisticsTable() {}

    static String title(CaseStatistics s) {
        return "业务办理统计 " + s.from() + " 至 " + s.to();
    }

    static String fileName(CaseStatistics s, String extension) {
        return "业务办理统计_" + s.from() + "_" + s.to() + "." + extension;
    }

    static List<String> headers(CaseStatistics s) {
        String group = switch (s.groupBy()) {
            case "businessType" -> "业务类型";
            case "hall" -> "服务大厅";
            case "channel" -> "受理渠道";
            case "reviewer" -> "审核人员";
            case "day" -> "受理日期";
            default -> "范围";
        };
        return List.of(
                group,
                "受理件数",
                "审结件数",
                "归档件数",
                "不予批准件数",
                "撤回件数",
                "补正件数",
                "超期件数",
                "补正率(%)",
                "超期率(%)",
                "受理至审结中位数(分钟)",
                "受理至审结90%分位(分钟)",
                "审结至归档中位数(分钟)",
                "审结至归档90%分位(分钟)");
    }

    static List<List<Object>> rows(CaseStatistics s) {
        List<List<Object>> rows = new ArrayList<>();
        for (CaseStatistics.Row r : s.rows()) {
            rows.add(row(r));
        }
        rows.add(row(s.total()));
        return rows;
    }

    private static List<Object> row(CaseStatistics.Row r) {
        List<Object> values = new ArrayList<>();
        values.add(r.label());
        values.add(r.accepted());
        values.add(r.decided());
        values.add(r.archived());
        values.add(r.rejected());
        values.add(r.withdrawn());
        values.add(r.supplemented());
        values.add(r.overdue());
        values.add(Math.round(r.supplementRate() * 10_000) / 100.0);
        values.add(Math.round(r.overdueRate() * 10_000) / 100.0);
        values.add(r.decisionP50Minutes());
        values.add(r.decisionP90Minutes());
        values.add(r.archivingP50Minutes());
        values.add(r.archivingP90Minutes());
        return values;
    }
}
