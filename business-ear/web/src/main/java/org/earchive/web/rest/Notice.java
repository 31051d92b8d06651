package org.earchive.web.rest;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.MaterialView;
import org.earchive.web.qr.QrCodes;

/**
 * The one-time notification (一次性告知书): every material the case still needs, in one printable page, so the
 * applicant never has to come back to learn of another. Every value is escaped.
 */
final class Notice {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Notice() {}

    static String html(CaseView c) {
        StringBuilder rows = new StringBuilder();
        int n = 0;
        for (MaterialView m : c.requiredMaterials()) {
            if (m.provided()) {
                continue;
            }
            rows.append("<tr><td>")
                    .append(++n)
                    .append("</td><td>")
                    .append(esc(m.nameZh()))
                    .append("<br><small>")
                    .append(esc(m.nameEn()))
                    .append("</small></td><td>")
                    .append(m.required() ? "必交 required" : "如有请提供 if any")
                    .append("</td></tr>\n");
        }
        StringBuilder provided = new StringBuilder();
        for (MaterialView m : c.requiredMaterials()) {
            if (m.provided()) {
                provided.append("<li>").append(esc(m.nameZh())).append("</li>");
            }
        }
        String now = DAY.format(ZonedDateTime.now(ZoneId.systemDefault()));
        return page(
                "一次性告知书 " + c.caseNumber(),
                "社会保险业务办理一次性告知书",
                "<p>案件编号 Case: <b>" + esc(c.caseNumber()) + "</b>　业务 Business: " + esc(c.businessTypeName()) + "</p>\n"
                        + applicant(c)
                        + (n == 0
                                ? "<p>所需材料已齐全。All required materials have been provided.</p>\n"
                                : "<p>您办理的业务尚需补充以下材料，请一次备齐后前来办理（或在承诺日期前补交）：<br><small>Please bring all of the"
                                        + " following materials at once:</small></p>\n<table><tr><th>序号</th><th>材料 Material</th><th>要求</th></tr>\n"
                                        + rows + "</table>\n")
                        + (provided.length() == 0 ? "" : "<p>已收材料 Received: </p><ul>" + provided + "</ul>\n")
                        + (c.supplementPromised() == null
                                ? ""
                                : "<p>承诺补交日期 Promised by: " + c.supplementPromised() + "</p>\n")
                        + "<div class=\"sign\"><span>经办人 Clerk: " + esc(c.acceptedBy())
                        + "</span><span>申请人签字 Applicant: ________</span>"
                        + "<span>" + now + "</span></div>\n");
    }

    static String receipt(CaseView c) {
        StringBuilder received = new StringBuilder();
        for (MaterialView m : c.requiredMaterials()) {
            if (m.provided()) {
                received.append("<li>")
                        .append(esc(m.nameZh()))
                        .append(" <small>")
                        .append(esc(m.nameEn()))
                        .append("</small></li>");
            }
        }
        String due = c.dueAt() == null ? "" : DAY.format(c.dueAt().atZone(ZoneId.systemDefault()));
        return page(
                "受理回执 " + c.caseNumber(),
                "社会保险业务受理回执",
                qr(c.caseNumber())
                        + "<p>案件编号 Case: <b id=\"case-number\">" + esc(c.caseNumber()) + "</b></p>\n"
                        + "<p>业务 Business: " + esc(c.businessTypeName()) + "</p>\n"
                        + applicant(c)
                        + "<p>受理时间 Accepted: "
                        + (c.acceptedAt() == null
                                ? ""
                                : DAY.format(c.acceptedAt().atZone(ZoneId.systemDefault())))
                        + "　经办人 Clerk: " + esc(c.acceptedBy()) + "</p>\n"
                        + "<p>承诺办结时间 Due: " + due + "</p>\n<p>已收材料 Received:</p><ul>" + received + "</ul>\n"
                        + "<p><small>凭案件编号或扫描二维码查询办理进度。Quote the case number or scan the code to follow the case.</small></p>\n");
    }

    /** A printable A4 page: title, heading, the body (already escaped), a print button that does not print. */
    private static String page(String title, String heading, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + esc(title) + "</title>\n"
                + "<style>body{font-family:\"WenQuanYi Zen Hei\",\"Noto Sans CJK SC\",sans-serif;max-width:180mm;margin:12mm auto;}"
                + "h1{text-align:center;font-size:20pt}table{width:100%;border-collapse:collapse}td,th{border:1px solid #000;padding:4px 6px;"
                + "text-align:left}small{color:#444}.sign{margin-top:18mm;display:flex;justify-content:space-between}"
                + ".qr{float:right;width:36mm;height:36mm}@media print{.noprint{display:none}}</style></head>\n<body>\n"
                + "<h1>" + esc(heading) + "</h1>\n" + body
                + "<p class=\"noprint\"><button onclick=\"window.print()\">打印 Print</button></p>\n</body></html>\n";
    }

    /** The paper leaves the counter: the citizen ID shows only its region and its last four characters. */
    private static String applicant(CaseView c) {
        return "<p>申请人 Applicant: " + esc(c.applicantName()) + "（" + esc(c.maskedApplicantId()) + "）</p>\n";
    }

    /** The case number as a QR code, an inline SVG. */
    static String qr(String text) {
        return QrCodes.svg(text);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
