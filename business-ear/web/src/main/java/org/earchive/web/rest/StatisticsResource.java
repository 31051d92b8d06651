package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.StatisticsService;
import org.earchive.archive.application.dto.CaseStatistics;
import org.earchive.web.xlsx.XlsxTables;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 统计分析: handling volumes, rates and times over a period, as JSON, an Excel workbook or CSV with Chinese headers. */
@RequestScoped
@Path("statistics")
@Tag(name = "statistics", description = "Handling figures over a period, grouped, with downloads")
public class StatisticsResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    StatisticsService statistics;

    @GET
    @Path("cases")
    @Produces(MediaType.APPLICATION_JSON)
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Cases accepted from..to (yyyy-MM-dd, default the last 30 days) grouped by businessType, hall,"
                    + " channel, reviewer or day: accepted, decided, archived, rejected, withdrawn, supplement and overdue"
                    + " rates, acceptance→decision and decision→archive minutes (p50, p90); the caller's hall only for a"
                    + " centre manager")
    public CaseStatistics cases(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy)
            throws EarchiveException {
        return statistics.cases(RequestValues.date(from), RequestValues.date(to), groupBy);
    }

    @GET
    @Path("cases.xlsx")
    @Produces(XLSX)
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The same figures as an Excel workbook with Chinese headers and a total row")
    public Response xlsx(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy)
            throws EarchiveException {
        CaseStatistics s = cases(from, to, groupBy);
        byte[] book =
                XlsxTables.write("业务统计", StatisticsTable.title(s), StatisticsTable.headers(s), StatisticsTable.rows(s));
        return download(book, XLSX, StatisticsTable.fileName(s, "xlsx"));
    }

    @GET
    @Path("cases.pdf")
    @Produces(Printouts.MEDIA)
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The period report (业务办理统计报表) to print, as PDF/A with the agency's header")
    public Response pdf(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy,
            @Context SecurityContext security)
            throws EarchiveException {
        CaseStatistics s = cases(from, to, groupBy);
        return Printouts.inline(
                Printouts.statistics(s, security.getUserPrincipal().getName()), StatisticsTable.fileName(s, "pdf"));
    }

    @GET
    @Path("cases.csv")
    @Produces("text/csv;charset=UTF-8")
    @AllowedRoles({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The same figures as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese headers)")
    public Response csv(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy)
            throws EarchiveException {
        CaseStatistics s = cases(from, to, groupBy);
        List<String> lines = new ArrayList<>();
        lines.add(csvLine(new ArrayList<>(StatisticsTable.headers(s))));
        for (List<Object> row : StatisticsTable.rows(s)) {
            lines.add(csvLine(row));
        }
        byte[] body = ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return download(body, "text/csv;charset=UTF-8", StatisticsTable.fileName(s, "csv"));
    }

    private static String csvLine(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (b.length() > 0) {
                b.append(',');
            }
            String text = v == null ? "" : v.toString();
            // a cell Excel would take for a formula is written as text (CSV injection)
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(v instanceof Number)) {
                text = "'" + text;
            }
            b.append(text.matches(".*[\",\\r\\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        return b.toString();
    }

    private static Response download(byte[] body, String type, String fileName) {
        return Response.ok(body, type)
                .header("Content-Disposition", DocumentResource.disposition(fileName, false))
                .build();
    }
}
