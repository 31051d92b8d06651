package org.earchive.web.rest;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.CaseStatistics;
import org.earchive.archive.application.dto.DisposalListView;
import org.earchive.archive.application.dto.TransferEntryView;
import org.earchive.pdfa.PdfA;
import org.earchive.pdfa.PdfAIdentity;
import org.earchive.pdfa.PdfATable;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The printable lists with the agency's header ({@code EARCHIVE_AGENCY_NAME}): the destruction list (销毁清册), the
 * transfer register (移交登记簿) and the period report (业务办理统计报表), each a PDF/A-2b the archive could keep.
 */
final class Printouts {
    static final String MEDIA = "application/pdf";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Printouts() {}

    /** A printout as the browser opens it (inline, in a new tab), under its file name. */
    static Response inline(byte[] pdf, String fileName) {
        return Response.ok(pdf, MEDIA)
                .header("Content-Disposition", DocumentResource.disposition(fileName, true))
                .build();
    }

    static String agency() {
        return ConfigProvider.getConfig()
                .getOptionalValue("earchive.agency.name", String.class)
                .orElse("社会保险事业管理中心");
    }

    static byte[] disposal(DisposalListView l, String actor) throws EarchiveException {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (DisposalListView.Item i : l.items()) {
            rows.add(List.of(
                    Integer.toString(n++),
                    i.archiveNumber(),
                    String.valueOf(i.retainUntil()),
                    outcome(i.outcome()),
                    i.detail() == null ? "" : i.detail()));
        }
        String subtitle = "清册编号 " + l.id() + "    鉴定日期 " + l.appraisedOn() + "    状态 " + status(l.status())
                + (l.decidedBy() == null ? "" : "    审批 " + l.decidedBy() + " " + minute(l.decidedAt()))
                + (l.decisionComment() == null ? "" : "（" + l.decisionComment() + "）")
                + "    共 " + l.items().size() + " 件";
        return print(
                "档案销毁清册",
                subtitle,
                List.of("序号", "档号", "保管期限至", "处理结果", "说明"),
                new float[] {0.6f, 3f, 1.3f, 1.2f, 4f},
                rows,
                List.of("鉴定人", "审核人", "监销人"),
                "disposal-list:" + l.id(),
                actor);
    }

    static byte[] transfers(List<TransferEntryView> entries, String actor) throws EarchiveException {
        List<List<String>> rows = new ArrayList<>();
        for (TransferEntryView e : entries) {
            rows.add(List.of(
                    minute(e.at()),
                    e.packageId(),
                    "EXPORT".equals(e.direction()) ? "移出" : "接收",
                    e.scope() == null ? "" : e.scope(),
                    ("EXPORT".equals(e.direction()) ? e.targetOffice() : e.sourceOffice()) == null
                            ? ""
                            : ("EXPORT".equals(e.direction()) ? e.targetOffice() : e.sourceOffice()),
                    Integer.toString(e.records()),
                    e.outcome(),
                    e.actor(),
                    e.tagManifestSha256() == null ? "" : e.tagManifestSha256().substring(0, 16) + "…"));
        }
        return print(
                "电子档案移交登记簿",
                "共 " + entries.size() + " 次移交",
                List.of("时间", "移交包", "方向", "范围", "对方单位", "件数", "结果", "经办人", "清单摘要"),
                new float[] {1.3f, 2.6f, 0.6f, 1f, 1.3f, 0.6f, 1f, 1f, 1.6f},
                rows,
                List.of("移交人", "接收人"),
                "transfer-register",
                actor);
    }

    static byte[] statistics(CaseStatistics s, String actor) throws EarchiveException {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> r : StatisticsTable.rows(s)) {
            rows.add(r.stream().map(v -> v == null ? "—" : v.toString()).toList());
        }
        float[] widths = new float[StatisticsTable.headers(s).size()];
        java.util.Arrays.fill(widths, 1f);
        widths[0] = 1.8f;
        return print(
                "业务办理统计报表",
                "统计期间 " + s.from() + " 至 " + s.to() + "（按受理日期）",
                StatisticsTable.headers(s),
                widths,
                rows,
                List.of("制表人", "审核人"),
                "statistics:" + s.from() + ":" + s.to() + ":" + s.groupBy(),
                actor);
    }

    private static byte[] print(
            String title,
            String subtitle,
            List<String> headers,
            float[] widths,
            List<List<String>> rows,
            List<String> signatures,
            String identifier,
            String actor)
            throws EarchiveException {
        Path font = PdfA.CJK_FONT;
        if (!Files.isReadable(font)) {
            throw new EarchiveException(
                    ErrorCode.CANNOT_RENDER,
                    "打印所需的中文字体未安装。The CJK font " + font + " is not installed (Debian package fonts-wqy-zenhei).");
        }
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        try {
            return PdfATable.write(
                    new PdfAIdentity(
                            title,
                            actor,
                            identifier,
                            List.of("print:" + identifier),
                            null,
                            null,
                            "earchive",
                            "earchive",
                            now,
                            zone,
                            PdfA.documentId(identifier + "|" + now + "|" + actor)),
                    new PdfATable.Listing(
                            agency(),
                            title,
                            subtitle,
                            headers,
                            widths,
                            rows,
                            signatures,
                            "打印：" + actor + " " + minute(now)),
                    font);
        } catch (IOException e) {
            throw new EarchiveException(ErrorCode.CANNOT_RENDER, "The list could not be printed: " + e.getMessage(), e);
        }
    }

    private static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(ZoneId.systemDefault()));
    }

    private static String outcome(String o) {
        return switch (o == null ? "" : o) {
            case "LISTED" -> "待销毁";
            case "DESTROYED" -> "已销毁";
            case "SKIPPED" -> "未销毁";
            default -> o;
        };
    }

    private static String status(String s) {
        return switch (s == null ? "" : s) {
            case "PROPOSED" -> "待审批";
            case "APPROVED" -> "已批准";
            case "REJECTED" -> "未批准";
            case "EXECUTED" -> "已执行";
            default -> s;
        };
    }
}
