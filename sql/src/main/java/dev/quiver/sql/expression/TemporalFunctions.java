package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ScalarFunctions.Definition;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.CastTarget;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.quiver.sql.expression.ScalarFunctions.anyNullable;
import static dev.quiver.sql.expression.ScalarFunctions.strict;

/**
 * DATE_FORMAT with MySQL's specifiers, DATE_ADD/DATE_SUB/ADDDATE/SUBDATE with an INTERVAL (the parser passes the
 * amount and the unit as arguments), DATE, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DATEDIFF and FROM_UNIXTIME.
 * A value that is not a valid date gives NULL with warning 1292, as MySQL does.
 */
final class TemporalFunctions
{
    private static final Set<String> DATE_UNITS = Set.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "YEAR_MONTH");

    private TemporalFunctions()
    {
    }

    static List<Definition> definitions()
    {
        return List.of(
                strict("date_format", 2, 2, (types, arguments) -> SqlType.varchar(64, true), (values, context) -> {
                    LocalDateTime time = dateTime(values.get(0), context);
                    return time == null ? null : format(time, Values.text(values.get(1)));
                }),
                strict("date_add", 3, 3, TemporalFunctions::addType, (values, context) -> add(values, 1, context)),
                strict("date_sub", 3, 3, TemporalFunctions::addType, (values, context) -> add(values, -1, context)),
                strict("adddate", 3, 3, TemporalFunctions::addType, (values, context) -> add(values, 1, context)),
                strict("subdate", 3, 3, TemporalFunctions::addType, (values, context) -> add(values, -1, context)),
                strict("date", 1, 1, (types, arguments) -> SqlType.date(true), (values, context) -> {
                    LocalDateTime time = dateTime(values.get(0), context);
                    return time == null ? null : time.toLocalDate();
                }),
                part("year", time -> (long) time.getYear()),
                part("month", time -> (long) time.getMonthValue()),
                part("day", time -> (long) time.getDayOfMonth()),
                part("dayofmonth", time -> (long) time.getDayOfMonth()),
                part("hour", time -> (long) time.getHour()),
                part("minute", time -> (long) time.getMinute()),
                part("second", time -> (long) time.getSecond()),
                strict("datediff", 2, 2, (types, arguments) -> SqlType.bigint(7, true), (values, context) -> {
                    LocalDateTime left = dateTime(values.get(0), context);
                    LocalDateTime right = dateTime(values.get(1), context);
                    return left == null || right == null ? null : ChronoUnit.DAYS.between(right.toLocalDate(), left.toLocalDate());
                }),
                strict("from_unixtime", 1, 2, (types, arguments) -> arguments.size() > 1 ? SqlType.varchar(64, true) : SqlType.datetime(0, true), (values, context) -> {
                    long seconds = Values.toLong(values.get(0), context::addWarning);
                    if (seconds < 0) {
                        return null;
                    }
                    LocalDateTime time = context.functions().statementTime()
                            .plusSeconds(seconds - context.functions().unixTimestamp());
                    return values.size() > 1 ? format(time, Values.text(values.get(1))) : time;
                }));
    }

    private static Definition part(String name, java.util.function.Function<LocalDateTime, Long> function)
    {
        return strict(name, 1, 1, (types, arguments) -> SqlType.bigint(4, true), (values, context) -> {
            LocalDateTime time = dateTime(values.get(0), context);
            return time == null ? null : function.apply(time);
        });
    }

    /** A DATE plus a day-or-larger unit stays a DATE; temporal values become DATETIME; strings stay strings, as MySQL. */
    private static SqlType addType(List<SqlType> types, List<Expression> arguments)
    {
        String unit = arguments.get(2) instanceof Expression.StringLiteral literal ? literal.value() : "";
        SqlType value = types.get(0);
        if (value.kind() == SqlType.Kind.DATE && DATE_UNITS.contains(unit)) {
            return SqlType.date(true);
        }
        if (value.kind() == SqlType.Kind.DATE || value.kind() == SqlType.Kind.DATETIME) {
            return SqlType.datetime(value.kind() == SqlType.Kind.DATETIME ? value.scale() : 0, true);
        }
        return SqlType.varchar(29, true);
    }

    private static LocalDateTime dateTime(Object value, EvaluationContext context)
    {
        return switch (value) {
            case LocalDateTime time -> time;
            case LocalDate date -> date.atStartOfDay();
            case Duration ignored -> null;
            default -> (LocalDateTime) Casts.cast(value, CastTarget.of(CastTarget.Kind.DATETIME), context::addWarning);
        };
    }

    private static Object add(List<Object> values, int sign, EvaluationContext context)
    {
        Object value = values.get(0);
        LocalDateTime time = dateTime(value, context);
        if (time == null) {
            return null;
        }
        String unit = Values.text(values.get(2)).toUpperCase(Locale.ROOT);
        long amount = Values.toLong(values.get(1), context::addWarning) * sign;
        LocalDateTime result = switch (unit) {
            case "MICROSECOND" -> time.plus(amount, ChronoUnit.MICROS);
            case "SECOND" -> time.plusSeconds(amount);
            case "MINUTE" -> time.plusMinutes(amount);
            case "HOUR" -> time.plusHours(amount);
            case "DAY" -> time.plusDays(amount);
            case "WEEK" -> time.plusWeeks(amount);
            case "MONTH" -> time.plusMonths(amount);
            case "QUARTER" -> time.plusMonths(amount * 3);
            case "YEAR" -> time.plusYears(amount);
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "INTERVAL unit " + unit);
        };
        if (result.getYear() < 1 || result.getYear() > 9999) {
            context.addWarning(Warning.of(Warning.Level.Warning, ErrorCode.ER_DATETIME_FUNCTION_OVERFLOW, "datetime"));
            return null;
        }
        boolean dateOnly = DATE_UNITS.contains(unit) && (value instanceof LocalDate || (value instanceof String text && text.trim().length() <= 10));
        if (value instanceof LocalDate && dateOnly) {
            return result.toLocalDate();
        }
        if (value instanceof String) {
            return dateOnly ? result.toLocalDate().toString() : Values.text(result);
        }
        return result;
    }

    /** MySQL's DATE_FORMAT specifiers; an unknown %x prints x. */
    static String format(LocalDateTime time, String pattern)
    {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                result.append(c);
                continue;
            }
            char specifier = pattern.charAt(++i);
            int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
            switch (specifier) {
                case 'Y' -> result.append(String.format(Locale.ROOT, "%04d", time.getYear()));
                case 'y' -> result.append(String.format(Locale.ROOT, "%02d", time.getYear() % 100));
                case 'm' -> result.append(String.format(Locale.ROOT, "%02d", time.getMonthValue()));
                case 'c' -> result.append(time.getMonthValue());
                case 'd' -> result.append(String.format(Locale.ROOT, "%02d", time.getDayOfMonth()));
                case 'e' -> result.append(time.getDayOfMonth());
                case 'D' -> result.append(time.getDayOfMonth()).append(suffix(time.getDayOfMonth()));
                case 'H' -> result.append(String.format(Locale.ROOT, "%02d", time.getHour()));
                case 'k' -> result.append(time.getHour());
                case 'h', 'I' -> result.append(String.format(Locale.ROOT, "%02d", hour12));
                case 'l' -> result.append(hour12);
                case 'i' -> result.append(String.format(Locale.ROOT, "%02d", time.getMinute()));
                case 's', 'S' -> result.append(String.format(Locale.ROOT, "%02d", time.getSecond()));
                case 'f' -> result.append(String.format(Locale.ROOT, "%06d", time.getNano() / 1000));
                case 'p' -> result.append(time.getHour() < 12 ? "AM" : "PM");
                case 'r' -> result.append(String.format(Locale.ROOT, "%02d:%02d:%02d %s", hour12, time.getMinute(), time.getSecond(), time.getHour() < 12 ? "AM" : "PM"));
                case 'T' -> result.append(String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond()));
                case 'M' -> result.append(time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b' -> result.append(time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'W' -> result.append(time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> result.append(time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'w' -> result.append(time.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : time.getDayOfWeek().getValue());
                case 'j' -> result.append(String.format(Locale.ROOT, "%03d", time.getDayOfYear()));
                case 'u', 'v' -> result.append(String.format(Locale.ROOT, "%02d", time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                case 'x' -> result.append(String.format(Locale.ROOT, "%04d", time.get(IsoFields.WEEK_BASED_YEAR)));
                case '%' -> result.append('%');
                default -> result.append(specifier);
            }
        }
        return result.toString();
    }

    private static String suffix(int day)
    {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
