package org.earchive.archive.application.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.StatisticsService;
import org.earchive.archive.application.dto.CaseStatistics;
import org.earchive.archive.application.port.StatisticsQueries;
import org.earchive.archive.application.port.StatisticsQueries.Figures;
import org.earchive.archive.application.port.StatisticsQueries.Group;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;

@Stateless
public class DefaultStatisticsService implements StatisticsService {
    /** The longest period one report covers: a year and a day (a leap year's report). */
    static final long MAX_DAYS = 367;

    @Inject
    StatisticsQueries queries;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    UserAccountRepository accounts;

    @Inject
    Settings settings;

    @EJB
    HallRule hall;

    @Override
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR})
    public CaseStatistics cases(LocalDate from, LocalDate to, String groupBy) throws EarchiveException {
        ZoneId zone = settings.zone();
        LocalDate last = to == null ? LocalDate.now(zone) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "统计期间应为一天到一年，起始日期不能晚于结束日期。The period is one day to a year, from no later than to.");
        }
        Group group = group(groupBy);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        String confined = hall.confinement().orElse(null);
        Instant now = Instant.now();
        List<CaseStatistics.Row> rows = group == Group.NONE
                ? List.of()
                : queries.cases(start, end, confined, group, zone, now).stream()
                        .map(f -> row(f, label(group, f.key())))
                        .toList();
        CaseStatistics.Row total = queries.cases(start, end, confined, Group.NONE, zone, now).stream()
                .findFirst()
                .map(f -> row(f, "合计"))
                .orElse(new CaseStatistics.Row("*", "合计", 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null));
        return new CaseStatistics(first, last, groupName(group), rows, total);
    }

    private static Group group(String raw) throws EarchiveException {
        String g = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (g) {
            case "", "none" -> Group.NONE;
            case "businesstype" -> Group.BUSINESS_TYPE;
            case "hall" -> Group.HALL;
            case "channel" -> Group.CHANNEL;
            case "reviewer" -> Group.REVIEWER;
            case "day" -> Group.DAY;
            default ->
                throw new EarchiveException(
                        ErrorCode.INVALID_REQUEST,
                        "分组只能是 businessType、hall、channel、reviewer 或 day。groupBy is businessType, hall, channel,"
                                + " reviewer or day.");
        };
    }

    private static String groupName(Group g) {
        return switch (g) {
            case BUSINESS_TYPE -> "businessType";
            case HALL -> "hall";
            case CHANNEL -> "channel";
            case REVIEWER -> "reviewer";
            case DAY -> "day";
            case NONE -> "none";
        };
    }

    /** A group's name as the agency says it: the business's Chinese name, a reviewer's display name. */
    private String label(Group group, String key) {
        return switch (group) {
            case BUSINESS_TYPE -> catalogue.find(key).map(BusinessType::nameZh).orElse(key);
            case REVIEWER -> accounts.find(key).map(UserAccount::displayName).orElse(key);
            case CHANNEL -> channelName(key);
            default -> key;
        };
    }

    static String channelName(String channel) {
        return switch (channel) {
            case "COUNTER" -> "窗口";
            case "ONLINE" -> "网上";
            case "KIOSK" -> "自助终端";
            case "MOBILE" -> "移动端";
            default -> channel;
        };
    }

    private static CaseStatistics.Row row(Figures f, String label) {
        return new CaseStatistics.Row(
                f.key(),
                label,
                f.accepted(),
                f.decided(),
                f.archived(),
                f.rejected(),
                f.withdrawn(),
                f.supplemented(),
                f.overdue(),
                rate(f.supplemented(), f.accepted()),
                rate(f.overdue(), f.accepted()),
                minutes(f.decisionP50Seconds()),
                minutes(f.decisionP90Seconds()),
                minutes(f.archivingP50Seconds()),
                minutes(f.archivingP90Seconds()));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }
}
