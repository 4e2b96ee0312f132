package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in functions of this slice: their names, arity, MySQL result type and implementation. IF, IFNULL,
 * COALESCE and NULLIF evaluate their arguments lazily in {@link ExpressionEvaluator}; the others get their
 * arguments evaluated.
 */
public enum BuiltinFunction
{
    DATABASE(List.of("database", "schema"), 0, 0),
    VERSION(List.of("version"), 0, 0),
    USER(List.of("user", "session_user", "system_user"), 0, 0),
    CURRENT_USER(List.of("current_user"), 0, 0),
    CONNECTION_ID(List.of("connection_id"), 0, 0),
    LAST_INSERT_ID(List.of("last_insert_id"), 0, 1),
    ROW_COUNT(List.of("row_count"), 0, 0),
    FOUND_ROWS(List.of("found_rows"), 0, 0),
    NOW(List.of("now", "current_timestamp", "localtime", "localtimestamp"), 0, 1),
    SYSDATE(List.of("sysdate"), 0, 1),
    UTC_TIMESTAMP(List.of("utc_timestamp"), 0, 1),
    CURDATE(List.of("curdate", "current_date"), 0, 0),
    UTC_DATE(List.of("utc_date"), 0, 0),
    CURTIME(List.of("curtime", "current_time"), 0, 1),
    UNIX_TIMESTAMP(List.of("unix_timestamp"), 0, 1),
    UUID_FUNCTION(List.of("uuid"), 0, 0),
    IF(List.of("if"), 3, 3),
    IFNULL(List.of("ifnull"), 2, 2),
    NULLIF(List.of("nullif"), 2, 2),
    COALESCE(List.of("coalesce"), 1, Integer.MAX_VALUE),
    ISNULL(List.of("isnull"), 1, 1),
    CONCAT(List.of("concat"), 1, Integer.MAX_VALUE),
    CONCAT_WS(List.of("concat_ws"), 2, Integer.MAX_VALUE),
    LENGTH(List.of("length", "octet_length"), 1, 1),
    CHAR_LENGTH(List.of("char_length", "character_length"), 1, 1),
    UPPER(List.of("upper", "ucase"), 1, 1),
    LOWER(List.of("lower", "lcase"), 1, 1),
    ABS(List.of("abs"), 1, 1),
    REPLACE(List.of("replace"), 3, 3);

    private static final Map<String, BuiltinFunction> BY_NAME = Arrays.stream(values())
            .flatMap(each -> each.names.stream().map(name -> Map.entry(name, each)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** MySQL (and seekdb) built-ins not implemented yet: ER_NOT_SUPPORTED_YET rather than "does not exist". */
    private static final java.util.Set<String> NOT_YET_IMPLEMENTED = java.util.Set.of(
            "substring", "substr", "mid", "trim", "ltrim", "rtrim", "left", "right", "repeat", "reverse", "lpad", "rpad",
            "locate", "instr", "position", "ascii", "ord", "char", "hex", "unhex", "md5", "sha", "sha1", "sha2", "round", "floor", "ceil",
            "ceiling", "truncate", "pow", "power", "sqrt", "exp", "ln", "log", "log2", "log10", "sign", "pi", "rand", "greatest", "least",
            "date_format", "date_add", "date_sub", "adddate", "subdate", "datediff", "timediff", "timestampdiff", "timestampadd", "str_to_date",
            "from_unixtime", "date", "time", "timestamp", "year", "month", "day", "dayofmonth", "dayofweek", "dayofyear", "hour", "minute",
            "second", "microsecond", "week", "weekday", "weekofyear", "yearweek", "quarter", "dayname", "monthname", "last_day", "makedate",
            "maketime", "sec_to_time", "time_to_sec", "to_days", "from_days", "convert_tz", "json_extract", "json_object", "json_array",
            "json_contains", "json_unquote", "json_quote", "json_valid", "json_length", "json_keys", "json_set", "json_insert", "json_replace",
            "json_remove", "json_type", "json_search", "json_overlaps", "json_merge_patch", "json_merge_preserve", "count", "sum", "avg",
            "min", "max", "group_concat", "std", "stddev", "variance", "bit_and", "bit_or", "bit_xor", "charset", "collation", "coercibility",
            "benchmark", "sleep", "get_lock", "release_lock", "is_free_lock", "is_used_lock", "inet_aton", "inet_ntoa", "inet6_aton",
            "inet6_ntoa", "format", "field", "find_in_set", "elt", "make_set", "export_set", "bin", "oct", "conv", "crc32", "compress",
            "uncompress", "to_base64", "from_base64", "regexp_like", "regexp_replace", "regexp_substr", "regexp_instr", "soundex", "space",
            "strcmp", "quote", "insert", "bit_length", "bit_count", "uuid_short", "uuid_to_bin", "bin_to_uuid", "is_uuid",
            "any_value", "grouping", "values", "default", "master_pos_wait", "current_role", "roles_graphml", "icu_version",
            "l2_distance", "cosine_distance", "inner_product", "negative_inner_product", "vector_distance", "vector_dims", "vector_norm",
            "match", "approx_count_distinct");

    private final List<String> names;
    private final int minimumArguments;
    private final int maximumArguments;

    BuiltinFunction(List<String> names, int minimumArguments, int maximumArguments)
    {
        this.names = names;
        this.minimumArguments = minimumArguments;
        this.maximumArguments = maximumArguments;
    }

    /** A MySQL built-in this version does not implement yet. */
    public static boolean isNotYetImplemented(String name)
    {
        return NOT_YET_IMPLEMENTED.contains(name.toLowerCase(Locale.ROOT));
    }

    public static Optional<BuiltinFunction> find(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT unless the argument count fits. */
    public void checkArity(String name, int count)
    {
        if (count < minimumArguments || count > maximumArguments) {
            throw ScalarFunctions.wrongArgumentCount(name);
        }
    }

    public boolean isLazy()
    {
        return this == IF || this == IFNULL || this == COALESCE || this == NULLIF;
    }

    /** The result type given the argument types (MySQL's type derivation for this slice). */
    public SqlType returnType(List<SqlType> arguments)
    {
        return switch (this) {
            case DATABASE -> SqlType.varchar(64, true);
            case VERSION -> SqlType.varchar(60, false);
            case USER, CURRENT_USER -> SqlType.varchar(288, false);
            case CONNECTION_ID -> SqlType.unsignedBigint(10, false);
            case LAST_INSERT_ID -> SqlType.unsignedBigint(21, false);
            case ROW_COUNT, FOUND_ROWS -> SqlType.bigint(21, false);
            case NOW, SYSDATE, UTC_TIMESTAMP -> SqlType.datetime(0, false);
            case CURDATE, UTC_DATE -> SqlType.date(false);
            case CURTIME -> SqlType.time(false);
            case UNIX_TIMESTAMP -> SqlType.bigint(11, !arguments.isEmpty());
            case UUID_FUNCTION -> SqlType.varchar(36, false);
            case IF -> TypeDerivation.common(arguments.subList(1, 3)).withNullable(arguments.get(1).nullable() || arguments.get(2).nullable());
            case IFNULL -> TypeDerivation.common(arguments).withNullable(arguments.get(1).nullable());
            case NULLIF -> arguments.get(0).withNullable(true);
            case COALESCE -> TypeDerivation.common(arguments).withNullable(arguments.stream().allMatch(SqlType::nullable));
            case ISNULL -> SqlType.bigint(1, false);
            case CONCAT, CONCAT_WS -> concatType(arguments);
            case LENGTH, CHAR_LENGTH -> SqlType.bigint(10, arguments.get(0).nullable());
            case UPPER, LOWER -> arguments.get(0).kind() == SqlType.Kind.VARBINARY
                    ? arguments.get(0)
                    : SqlType.varchar(TypeDerivation.textLength(arguments.get(0)), arguments.get(0).nullable());
            case REPLACE -> SqlType.varchar(TypeDerivation.textLength(arguments.get(0)), arguments.stream().anyMatch(SqlType::nullable));
            case ABS -> arguments.get(0).kind() == SqlType.Kind.NULL || arguments.get(0).kind().isNumeric() ? arguments.get(0) : SqlType.doubleType(arguments.get(0).nullable());
        };
    }

    private static SqlType concatType(List<SqlType> arguments)
    {
        long length = arguments.stream().mapToLong(TypeDerivation::textLength).sum();
        boolean nullable = arguments.stream().anyMatch(SqlType::nullable);
        if (arguments.stream().anyMatch(each -> each.kind() == SqlType.Kind.NULL)) {
            return SqlType.varchar(0, true);
        }
        if (arguments.stream().anyMatch(each -> each.kind() == SqlType.Kind.VARBINARY)) {
            return SqlType.varbinary(length, nullable);
        }
        return SqlType.varchar(length, nullable);
    }

    /** Runs an eager function on evaluated arguments. */
    Object invoke(List<Object> arguments, EvaluationContext context)
    {
        EvaluationContext.SessionFunctions session = context.functions();
        return switch (this) {
            case DATABASE -> session.database();
            case VERSION -> session.version();
            case USER -> session.user();
            case CURRENT_USER -> session.currentUser();
            case CONNECTION_ID -> session.connectionId();
            case LAST_INSERT_ID -> {
                if (arguments.isEmpty()) {
                    yield session.lastInsertId();
                }
                if (arguments.get(0) == null) {
                    yield null;
                }
                long value = Values.toLong(arguments.get(0), context::addWarning);
                session.setLastInsertId(value);
                yield value;
            }
            case ROW_COUNT -> session.rowCount();
            case FOUND_ROWS -> session.foundRows();
            case NOW -> withPrecision(session.statementTime(), arguments);
            case SYSDATE -> withPrecision(session.currentTime(), arguments);
            case UTC_TIMESTAMP -> withPrecision(LocalDateTime.ofEpochSecond(session.unixTimestamp(), 0, java.time.ZoneOffset.UTC), arguments);
            case CURDATE -> session.statementTime().toLocalDate();
            case UTC_DATE -> LocalDateTime.ofEpochSecond(session.unixTimestamp(), 0, java.time.ZoneOffset.UTC).toLocalDate();
            case CURTIME -> java.time.Duration.ofSeconds(session.statementTime().toLocalTime().toSecondOfDay());
            case UNIX_TIMESTAMP -> {
                if (arguments.isEmpty()) {
                    yield session.unixTimestamp();
                }
                Object value = arguments.get(0) == null ? null : Casts.cast(arguments.get(0), dev.quiver.sql.tree.CastTarget.of(dev.quiver.sql.tree.CastTarget.Kind.DATETIME), context::addWarning);
                yield value == null ? null : session.epochSecond((LocalDateTime) value);
            }
            case UUID_FUNCTION -> UUID.randomUUID().toString();
            case ISNULL -> Values.truth(arguments.get(0) == null);
            case CONCAT -> concat(arguments, "");
            case CONCAT_WS -> arguments.get(0) == null ? null : concat(arguments.subList(1, arguments.size()).stream().filter(java.util.Objects::nonNull).toList(), Values.text(arguments.get(0)));
            case LENGTH -> mapNullable(arguments.get(0), value -> (long) Values.bytes(value).length);
            case CHAR_LENGTH -> mapNullable(arguments.get(0), value -> value instanceof byte[] bytes ? (long) bytes.length : (long) Values.text(value).codePointCount(0, Values.text(value).length()));
            case UPPER -> mapNullable(arguments.get(0), value -> value instanceof byte[] ? value : Values.text(value).toUpperCase(Locale.ROOT));
            case LOWER -> mapNullable(arguments.get(0), value -> value instanceof byte[] ? value : Values.text(value).toLowerCase(Locale.ROOT));
            case ABS -> mapNullable(arguments.get(0), value -> switch (value) {
                case Long number when number != Long.MIN_VALUE -> Math.abs(number);
                case Long number -> BigInteger.valueOf(number).abs();
                case BigInteger number -> number.abs();
                case BigDecimal number -> number.abs();
                default -> Math.abs(Values.toDouble(value, context::addWarning));
            });
            case REPLACE -> arguments.contains(null) ? null : Values.text(arguments.get(1)).isEmpty() ? Values.text(arguments.get(0)) : Values.text(arguments.get(0)).replace(Values.text(arguments.get(1)), Values.text(arguments.get(2)));
            case IF, IFNULL, NULLIF, COALESCE -> throw new IllegalStateException(this + " is evaluated lazily");
        };
    }

    private static Object mapNullable(Object value, Function<Object, Object> function)
    {
        return value == null ? null : function.apply(value);
    }

    private static Object concat(List<Object> arguments, String separator)
    {
        if (arguments.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        if (arguments.stream().anyMatch(each -> each instanceof byte[])) {
            java.io.ByteArrayOutputStream result = new java.io.ByteArrayOutputStream();
            byte[] separatorBytes = separator.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    result.writeBytes(separatorBytes);
                }
                result.writeBytes(Values.bytes(arguments.get(i)));
            }
            return result.toByteArray();
        }
        return arguments.stream().map(Values::text).collect(Collectors.joining(separator));
    }

    private static LocalDateTime withPrecision(LocalDateTime time, List<Object> arguments)
    {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }
}
