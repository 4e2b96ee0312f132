package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ScalarFunctions.Definition;
import dev.quiver.sql.type.SqlType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.quiver.sql.expression.ScalarFunctions.anyNullable;
import static dev.quiver.sql.expression.ScalarFunctions.strict;

/**
 * MySQL's string functions over characters (code points): SUBSTRING/SUBSTR/MID, LEFT, RIGHT, TRIM (BOTH, LEADING,
 * TRAILING), LTRIM, RTRIM, LOCATE, INSTR, LPAD, RPAD, REPEAT, REVERSE, SPACE, STRCMP, HEX, REGEXP_LIKE (the
 * REGEXP operator), case-insensitive as the default collation unless a side is binary.
 */
final class StringFunctions
{
    /** The parser builds TRIM(LEADING x FROM s) and TRIM(TRAILING x FROM s) as these. */
    static final String TRIM_LEADING = "trim_leading";
    static final String TRIM_TRAILING = "trim_trailing";

    private StringFunctions()
    {
    }

    static List<Definition> definitions()
    {
        ScalarFunctions.Typer sameText = (types, arguments) -> text(TypeDerivation.textLength(types.get(0)), anyNullable(types), types.get(0));
        return List.of(
                strict("substring", 2, 3, sameText, (values, context) -> substring(values, context)),
                strict("substr", 2, 3, sameText, (values, context) -> substring(values, context)),
                strict("mid", 3, 3, sameText, (values, context) -> substring(values, context)),
                strict("left", 2, 2, sameText, (values, context) -> {
                    String text = Values.text(values.get(0));
                    long count = Values.toLong(values.get(1), context::addWarning);
                    return codePoints(text, 0, Math.max(0, Math.min(count, text.codePointCount(0, text.length()))));
                }),
                strict("right", 2, 2, sameText, (values, context) -> {
                    String text = Values.text(values.get(0));
                    int length = text.codePointCount(0, text.length());
                    long count = Math.max(0, Math.min(Values.toLong(values.get(1), context::addWarning), length));
                    return codePoints(text, length - count, count);
                }),
                strict("trim", 1, 2, sameText, (values, context) -> trim(values, true, true)),
                strict(TRIM_LEADING, 1, 2, sameText, (values, context) -> trim(values, true, false)),
                strict(TRIM_TRAILING, 1, 2, sameText, (values, context) -> trim(values, false, true)),
                strict("ltrim", 1, 1, sameText, (values, context) -> trim(List.of(values.get(0), " "), true, false)),
                strict("rtrim", 1, 1, sameText, (values, context) -> trim(List.of(values.get(0), " "), false, true)),
                strict("locate", 2, 3, (types, arguments) -> SqlType.bigint(11, anyNullable(types)), (values, context) -> {
                    long start = values.size() > 2 ? Values.toLong(values.get(2), context::addWarning) : 1;
                    return locate(Values.text(values.get(0)), Values.text(values.get(1)), start, binary(values));
                }),
                strict("instr", 2, 2, (types, arguments) -> SqlType.bigint(11, anyNullable(types)),
                        (values, context) -> locate(Values.text(values.get(1)), Values.text(values.get(0)), 1, binary(values))),
                strict("lpad", 3, 3, (types, arguments) -> text(lengthArgument(arguments.get(1), types.get(0)), true, types.get(0)),
                        (values, context) -> pad(values, true, context)),
                strict("rpad", 3, 3, (types, arguments) -> text(lengthArgument(arguments.get(1), types.get(0)), true, types.get(0)),
                        (values, context) -> pad(values, false, context)),
                strict("repeat", 2, 2, (types, arguments) -> text(16_383, anyNullable(types), types.get(0)), (values, context) -> {
                    long count = Values.toLong(values.get(1), context::addWarning);
                    return count <= 0 ? "" : Values.text(values.get(0)).repeat((int) Math.min(count, 1 << 24));
                }),
                strict("reverse", 1, 1, sameText, (values, context) -> new StringBuilder(Values.text(values.get(0))).reverse().toString()),
                strict("space", 1, 1, (types, arguments) -> SqlType.varchar(16_383, anyNullable(types)),
                        (values, context) -> " ".repeat((int) Math.max(0, Math.min(Values.toLong(values.get(0), context::addWarning), 1 << 24)))),
                strict("strcmp", 2, 2, (types, arguments) -> SqlType.bigint(2, anyNullable(types)), (values, context) -> {
                    int result = binary(values)
                            ? java.util.Arrays.compareUnsigned(Values.bytes(values.get(0)), Values.bytes(values.get(1)))
                            : Values.compareText(Values.text(values.get(0)), Values.text(values.get(1)));
                    return (long) Integer.signum(result);
                }),
                strict("hex", 1, 1, (types, arguments) -> SqlType.varchar(TypeDerivation.textLength(types.get(0)) * 2, anyNullable(types)), (values, context) -> hex(values.get(0), context)),
                strict("regexp_like", 2, 3, (types, arguments) -> SqlType.bigint(1, anyNullable(types)), (values, context) -> regexpLike(values)));
    }

    private static SqlType text(long length, boolean nullable, SqlType source)
    {
        return source.kind() == SqlType.Kind.VARBINARY ? SqlType.varbinary(length, nullable) : SqlType.varchar(length, nullable);
    }

    private static long lengthArgument(dev.quiver.sql.tree.Expression argument, SqlType fallback)
    {
        return argument instanceof dev.quiver.sql.tree.Expression.IntegerLiteral literal ? Math.max(0, literal.value().longValue()) : TypeDerivation.textLength(fallback);
    }

    private static boolean binary(List<Object> values)
    {
        return values.stream().anyMatch(each -> each instanceof byte[]);
    }

    private static String codePoints(String text, long start, long count)
    {
        int from = text.offsetByCodePoints(0, (int) start);
        int to = text.offsetByCodePoints(from, (int) count);
        return text.substring(from, to);
    }

    /** SUBSTRING(s, pos[, len]): pos counts from 1, from the end when negative; pos 0 or len below 1 give ''. */
    private static Object substring(List<Object> values, EvaluationContext context)
    {
        String text = Values.text(values.get(0));
        int length = text.codePointCount(0, text.length());
        long position = Values.toLong(values.get(1), context::addWarning);
        long count = values.size() > 2 ? Values.toLong(values.get(2), context::addWarning) : Long.MAX_VALUE;
        if (position == 0 || count <= 0 || Math.abs(position) > length) {
            return "";
        }
        long start = position > 0 ? position - 1 : length + position;
        return codePoints(text, start, Math.min(count, length - start));
    }

    private static Object trim(List<Object> values, boolean leading, boolean trailing)
    {
        String text = Values.text(values.get(0));
        String remove = values.size() > 1 ? Values.text(values.get(1)) : " ";
        if (remove.isEmpty()) {
            return text;
        }
        int start = 0;
        int end = text.length();
        if (leading) {
            while (text.startsWith(remove, start)) {
                start += remove.length();
            }
        }
        if (trailing) {
            while (end - remove.length() >= start && text.startsWith(remove, end - remove.length())) {
                end -= remove.length();
            }
        }
        return text.substring(start, end);
    }

    /** LOCATE(substr, str, pos): 1-based position of substr at or after pos, 0 when absent. */
    private static Object locate(String needle, String haystack, long start, boolean binary)
    {
        int length = haystack.codePointCount(0, haystack.length());
        if (start < 1 || start > length + 1) {
            return 0L;
        }
        String searched = binary ? haystack : haystack.toLowerCase(Locale.ROOT);
        String sought = binary ? needle : needle.toLowerCase(Locale.ROOT);
        int from = haystack.offsetByCodePoints(0, (int) start - 1);
        int found = searched.indexOf(sought, from);
        return found < 0 ? 0L : (long) haystack.codePointCount(0, found) + 1;
    }

    /** LPAD/RPAD: cut to len when longer; NULL when padding is needed but the pad is empty. */
    private static Object pad(List<Object> values, boolean left, EvaluationContext context)
    {
        String text = Values.text(values.get(0));
        long target = Values.toLong(values.get(1), context::addWarning);
        String pad = Values.text(values.get(2));
        if (target < 0) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (target <= length) {
            return codePoints(text, 0, target);
        }
        if (pad.isEmpty()) {
            return null;
        }
        StringBuilder padding = new StringBuilder();
        int padLength = pad.codePointCount(0, pad.length());
        long needed = target - length;
        while (needed >= padLength) {
            padding.append(pad);
            needed -= padLength;
        }
        padding.append(codePoints(pad, 0, needed));
        return left ? padding + text : text + padding;
    }

    /** HEX(n) of a number is its 64-bit two's complement in hex; of a string, its bytes; upper case. */
    private static Object hex(Object value, EvaluationContext context)
    {
        if (Values.isNumber(value)) {
            if (value instanceof BigInteger number) {
                return number.toString(16).toUpperCase(Locale.ROOT);
            }
            double asDouble = Values.toDouble(value, context::addWarning);
            long rounded = value instanceof Long number ? number : Math.round(asDouble);
            return Long.toHexString(rounded).toUpperCase(Locale.ROOT);
        }
        byte[] bytes = value instanceof byte[] raw ? raw : Values.text(value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** REGEXP_LIKE(expr, pattern[, match_type]): a match anywhere; case-insensitive unless binary or match_type 'c'. */
    private static Object regexpLike(List<Object> values)
    {
        boolean caseSensitive = binary(values.subList(0, 2));
        if (values.size() > 2) {
            for (char each : Values.text(values.get(2)).toCharArray()) {
                switch (each) {
                    case 'c' -> caseSensitive = true;
                    case 'i' -> caseSensitive = false;
                    case 'm', 'n', 'u' -> {
                    }
                    default -> throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "regexp_like");
                }
            }
        }
        try {
            int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            return Values.truth(Pattern.compile(Values.text(values.get(1)), flags).matcher(Values.text(values.get(0))).find());
        }
        catch (PatternSyntaxException ex) {
            throw new QuiverException(ErrorCode.ER_REGEXP_ILLEGAL_ARGUMENT);
        }
    }
}
