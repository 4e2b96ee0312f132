package dev.quiver.sql.variable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code sql_mode} values: validated, combination modes expanded, printed in MySQL's canonical order. */
final class SqlModes
{
    /** MySQL's order (the bit order of sql_mode_names). */
    private static final List<String> MODES = List.of(
            "REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "ONLY_FULL_GROUP_BY",
            "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE", "ANSI", "NO_AUTO_VALUE_ON_ZERO", "NO_BACKSLASH_ESCAPES",
            "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "ALLOW_INVALID_DATES",
            "ERROR_FOR_DIVISION_BY_ZERO", "TRADITIONAL", "HIGH_NOT_PRECEDENCE", "NO_ENGINE_SUBSTITUTION",
            "PAD_CHAR_TO_FULL_LENGTH", "TIME_TRUNCATE_FRACTIONAL");
    private static final List<String> ANSI = List.of("REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "ONLY_FULL_GROUP_BY");
    private static final List<String> TRADITIONAL = List.of("STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION");

    private SqlModes()
    {
    }

    static String normalize(String variableName, Object value)
    {
        if (value == null) {
            throw SystemVariables.wrongValue(variableName, "NULL");
        }
        if (value instanceof Long number && number == 0) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new dev.quiver.common.QuiverException(dev.quiver.common.ErrorCode.ER_WRONG_TYPE_FOR_VAR, variableName);
        }
        Set<String> modes = new LinkedHashSet<>();
        for (String each : text.split(",")) {
            String mode = each.trim().toUpperCase(Locale.ROOT);
            if (mode.isEmpty()) {
                continue;
            }
            if (!MODES.contains(mode)) {
                throw SystemVariables.wrongValue(variableName, each.trim());
            }
            modes.add(mode);
            if (mode.equals("ANSI")) {
                modes.addAll(ANSI);
            }
            if (mode.equals("TRADITIONAL")) {
                modes.addAll(TRADITIONAL);
            }
        }
        return String.join(",", MODES.stream().filter(modes::contains).toList());
    }
}
