package dev.quiver.sql.variable;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.EngineConfig;
import dev.quiver.sql.variable.SystemVariable.Kind;
import dev.quiver.sql.variable.SystemVariable.Scope;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The catalog of system variables the server knows, with MySQL 8's scopes and defaults, and the rules for
 * assigning them (ER_WRONG_VALUE_FOR_VAR, ER_WRONG_TYPE_FOR_VAR, unknown character sets and time zones).
 * Immutable and shared.
 */
public final class SystemVariables
{
    public static final String DEFAULT_SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";
    public static final BigInteger UNSIGNED_BIGINT_MAX = new BigInteger("18446744073709551615");
    private static final List<String> ISOLATION_LEVELS = List.of("READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE");
    private static final List<String> OFF_ON = List.of("OFF", "ON");
    private static final Pattern TIME_ZONE_OFFSET = Pattern.compile("[+-](\\d{1,2}):(\\d{2})");

    private final Map<String, SystemVariable> variables;

    public SystemVariables(EngineConfig config)
    {
        Map<String, SystemVariable> result = new TreeMap<>();
        // what clients read at connect: Connector/J 8/9, MariaDB Connector/J, mysql2, PyMySQL, the CLI, sysbench
        both(result, "auto_increment_increment", Kind.INTEGER, 1L);
        both(result, "auto_increment_offset", Kind.INTEGER, 1L);
        both(result, "autocommit", Kind.BOOLEAN, 1L);
        both(result, "big_tables", Kind.BOOLEAN, 0L);
        both(result, "character_set_client", Kind.CHARACTER_SET, CharacterSets.DEFAULT_CHARACTER_SET);
        both(result, "character_set_connection", Kind.CHARACTER_SET, CharacterSets.DEFAULT_CHARACTER_SET);
        both(result, "character_set_database", Kind.CHARACTER_SET, CharacterSets.DEFAULT_CHARACTER_SET);
        both(result, "character_set_filesystem", Kind.CHARACTER_SET, "binary");
        both(result, "character_set_results", Kind.NULLABLE_CHARACTER_SET, CharacterSets.DEFAULT_CHARACTER_SET);
        both(result, "character_set_server", Kind.CHARACTER_SET, CharacterSets.DEFAULT_CHARACTER_SET);
        readOnly(result, "character_set_system", Kind.STRING, "utf8mb3");
        readOnly(result, "character_sets_dir", Kind.STRING, "");
        both(result, "collation_connection", Kind.COLLATION, CharacterSets.DEFAULT_COLLATION);
        both(result, "collation_database", Kind.COLLATION, CharacterSets.DEFAULT_COLLATION);
        both(result, "collation_server", Kind.COLLATION, CharacterSets.DEFAULT_COLLATION);
        both(result, "cte_max_recursion_depth", Kind.INTEGER, 1000L);
        readOnly(result, "datadir", Kind.STRING, config.dataDirectory());
        global(result, "default_authentication_plugin", Kind.STRING, "caching_sha2_password");
        both(result, "default_storage_engine", Kind.STRING, "InnoDB");
        both(result, "default_tmp_storage_engine", Kind.STRING, "InnoDB");
        both(result, "default_week_format", Kind.INTEGER, 0L);
        both(result, "div_precision_increment", Kind.INTEGER, 4L);
        session(result, "error_count", Kind.INTEGER, 0L, true);
        global(result, "event_scheduler", Kind.STRING, "OFF");
        both(result, "explicit_defaults_for_timestamp", Kind.BOOLEAN, 1L);
        both(result, "foreign_key_checks", Kind.BOOLEAN, 1L);
        both(result, "group_concat_max_len", Kind.INTEGER, 1024L);
        global(result, "gtid_mode", Kind.STRING, "OFF");
        readOnly(result, "have_openssl", Kind.STRING, "DISABLED");
        readOnly(result, "have_ssl", Kind.STRING, "DISABLED");
        readOnly(result, "hostname", Kind.STRING, config.hostname());
        session(result, "identity", Kind.INTEGER, 0L, false);
        global(result, "init_connect", Kind.STRING, "");
        both(result, "innodb_lock_wait_timeout", Kind.INTEGER, 50L);
        readOnly(result, "innodb_version", Kind.STRING, versionPrefix(config.serverVersion()));
        session(result, "insert_id", Kind.INTEGER, 0L, false);
        both(result, "interactive_timeout", Kind.INTEGER, 28800L);
        session(result, "last_insert_id", Kind.INTEGER, 0L, false);
        both(result, "lc_messages", Kind.STRING, "en_US");
        both(result, "lc_time_names", Kind.STRING, "en_US");
        readOnly(result, "license", Kind.STRING, "GPL");
        both(result, "lock_wait_timeout", Kind.INTEGER, 31536000L);
        readOnly(result, "log_bin", Kind.BOOLEAN, 0L);
        readOnly(result, "lower_case_file_system", Kind.BOOLEAN, 0L);
        readOnly(result, "lower_case_table_names", Kind.INTEGER, 0L);
        both(result, "max_allowed_packet", Kind.INTEGER, config.maxAllowedPacket());
        global(result, "max_connections", Kind.INTEGER, 151L);
        both(result, "max_execution_time", Kind.INTEGER, 0L);
        both(result, "max_join_size", Kind.INTEGER, UNSIGNED_BIGINT_MAX);
        both(result, "max_sort_length", Kind.INTEGER, 1024L);
        both(result, "max_user_connections", Kind.INTEGER, 0L);
        both(result, "net_buffer_length", Kind.INTEGER, 16384L);
        both(result, "net_read_timeout", Kind.INTEGER, 30L);
        both(result, "net_write_timeout", Kind.INTEGER, 60L);
        both(result, "ob_hnsw_ef_search", Kind.INTEGER, 64L);
        both(result, "ob_query_timeout", Kind.INTEGER, 10_000_000L);
        readOnly(result, "performance_schema", Kind.BOOLEAN, 0L);
        readOnly(result, "port", Kind.INTEGER, (long) config.port());
        both(result, "profiling", Kind.BOOLEAN, 0L);
        readOnly(result, "protocol_version", Kind.INTEGER, 10L);
        session(result, "pseudo_thread_id", Kind.INTEGER, 0L, false);
        both(result, "query_cache_size", Kind.INTEGER, 0L);
        both(result, "query_cache_type", Kind.ENUM, "OFF", List.of("OFF", "ON", "DEMAND"));
        global(result, "read_only", Kind.BOOLEAN, 0L);
        global(result, "require_secure_transport", Kind.BOOLEAN, 0L);
        global(result, "server_id", Kind.INTEGER, 1L);
        both(result, "session_track_gtids", Kind.ENUM, "OFF", List.of("OFF", "OWN_GTID", "ALL_GTIDS"));
        both(result, "session_track_schema", Kind.BOOLEAN, 1L);
        both(result, "session_track_state_change", Kind.BOOLEAN, 0L);
        both(result, "session_track_system_variables", Kind.STRING, "time_zone,autocommit,character_set_client,character_set_results,character_set_connection");
        both(result, "session_track_transaction_info", Kind.ENUM, "OFF", List.of("OFF", "STATE", "CHARACTERISTICS"));
        readOnly(result, "skip_name_resolve", Kind.BOOLEAN, 1L);
        readOnly(result, "skip_networking", Kind.BOOLEAN, 0L);
        readOnly(result, "socket", Kind.STRING, "");
        both(result, "sql_auto_is_null", Kind.BOOLEAN, 0L);
        both(result, "sql_big_selects", Kind.BOOLEAN, 1L);
        both(result, "sql_buffer_result", Kind.BOOLEAN, 0L);
        session(result, "sql_log_bin", Kind.BOOLEAN, 1L, false);
        both(result, "sql_mode", Kind.SQL_MODE, DEFAULT_SQL_MODE);
        both(result, "sql_notes", Kind.BOOLEAN, 1L);
        both(result, "sql_quote_show_create", Kind.BOOLEAN, 1L);
        both(result, "sql_safe_updates", Kind.BOOLEAN, 0L);
        both(result, "sql_select_limit", Kind.INTEGER, UNSIGNED_BIGINT_MAX);
        both(result, "sql_warnings", Kind.BOOLEAN, 0L);
        both(result, "storage_engine", Kind.STRING, "InnoDB");
        global(result, "super_read_only", Kind.BOOLEAN, 0L);
        readOnly(result, "system_time_zone", Kind.STRING, TimeZone.getDefault().getDisplayName(false, TimeZone.SHORT, Locale.ROOT));
        both(result, "time_zone", Kind.TIME_ZONE, "SYSTEM");
        both(result, "transaction_isolation", Kind.ENUM, "REPEATABLE-READ", ISOLATION_LEVELS);
        both(result, "transaction_read_only", Kind.BOOLEAN, 0L);
        both(result, "tx_isolation", Kind.ENUM, "REPEATABLE-READ", ISOLATION_LEVELS);
        both(result, "tx_read_only", Kind.BOOLEAN, 0L);
        both(result, "unique_checks", Kind.BOOLEAN, 1L);
        readOnly(result, "version", Kind.STRING, config.serverVersion());
        readOnly(result, "version_comment", Kind.STRING, config.versionComment());
        readOnly(result, "version_compile_machine", Kind.STRING, "x86_64");
        readOnly(result, "version_compile_os", Kind.STRING, "Linux");
        readOnly(result, "version_compile_zlib", Kind.STRING, "1.2.13");
        both(result, "wait_timeout", Kind.INTEGER, 28800L);
        session(result, "warning_count", Kind.INTEGER, 0L, true);
        // more of MySQL 8's catalog that administration tools read; accepted and reported, not acted upon
        global(result, "automatic_sp_privileges", Kind.BOOLEAN, 1L);
        both(result, "binlog_format", Kind.STRING, "ROW");
        both(result, "block_encryption_mode", Kind.STRING, "aes-128-ecb");
        both(result, "completion_type", Kind.ENUM, "NO_CHAIN", List.of("NO_CHAIN", "CHAIN", "RELEASE"));
        global(result, "connect_timeout", Kind.INTEGER, 10L);
        global(result, "default_password_lifetime", Kind.INTEGER, 0L);
        global(result, "general_log", Kind.BOOLEAN, 0L);
        both(result, "information_schema_stats_expiry", Kind.INTEGER, 86400L);
        readOnly(result, "innodb_autoinc_lock_mode", Kind.INTEGER, 2L);
        global(result, "innodb_buffer_pool_size", Kind.INTEGER, 134_217_728L);
        global(result, "innodb_file_per_table", Kind.BOOLEAN, 1L);
        global(result, "innodb_flush_log_at_trx_commit", Kind.INTEGER, 1L);
        readOnly(result, "innodb_page_size", Kind.INTEGER, 16384L);
        both(result, "innodb_strict_mode", Kind.BOOLEAN, 1L);
        both(result, "join_buffer_size", Kind.INTEGER, 262_144L);
        global(result, "key_buffer_size", Kind.INTEGER, 8_388_608L);
        global(result, "local_infile", Kind.BOOLEAN, 0L);
        global(result, "log_bin_trust_function_creators", Kind.BOOLEAN, 0L);
        global(result, "log_error_verbosity", Kind.INTEGER, 2L);
        both(result, "max_error_count", Kind.INTEGER, 1024L);
        both(result, "max_heap_table_size", Kind.INTEGER, 16_777_216L);
        both(result, "max_length_for_sort_data", Kind.INTEGER, 4096L);
        global(result, "max_prepared_stmt_count", Kind.INTEGER, 16382L);
        both(result, "max_sp_recursion_depth", Kind.INTEGER, 0L);
        readOnly(result, "mysqlx_port", Kind.INTEGER, 33060L);
        both(result, "profiling_history_size", Kind.INTEGER, 15L);
        both(result, "read_buffer_size", Kind.INTEGER, 131_072L);
        readOnly(result, "server_uuid", Kind.STRING, java.util.UUID.randomUUID().toString());
        global(result, "slow_query_log", Kind.BOOLEAN, 0L);
        both(result, "sort_buffer_size", Kind.INTEGER, 262_144L);
        both(result, "sql_require_primary_key", Kind.BOOLEAN, 0L);
        readOnly(result, "ssl_ca", Kind.STRING, "");
        readOnly(result, "ssl_cert", Kind.STRING, "");
        readOnly(result, "ssl_key", Kind.STRING, "");
        global(result, "sync_binlog", Kind.INTEGER, 1L);
        global(result, "table_open_cache", Kind.INTEGER, 4000L);
        global(result, "thread_cache_size", Kind.INTEGER, 9L);
        readOnly(result, "thread_stack", Kind.INTEGER, 1_048_576L);
        readOnly(result, "tls_version", Kind.STRING, "");
        both(result, "tmp_table_size", Kind.INTEGER, 16_777_216L);
        both(result, "transaction_alloc_block_size", Kind.INTEGER, 8192L);
        both(result, "transaction_prealloc_size", Kind.INTEGER, 4096L);
        both(result, "updatable_views_with_limit", Kind.STRING, "YES");
        both(result, "windowing_use_high_precision", Kind.BOOLEAN, 1L);
        this.variables = java.util.Collections.unmodifiableMap(result);
    }

    /** Every variable, sorted by name. */
    public Collection<SystemVariable> all()
    {
        return variables.values();
    }

    public Optional<SystemVariable> find(String name)
    {
        return Optional.ofNullable(variables.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The variable, or ER_UNKNOWN_SYSTEM_VARIABLE. */
    public SystemVariable get(String name)
    {
        return find(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE, name));
    }

    /** The value to store for an assignment, validated as MySQL validates it. */
    public static Object coerce(SystemVariable variable, Object value)
    {
        String name = variable.name();
        return switch (variable.kind()) {
            case BOOLEAN -> coerceBoolean(name, value);
            case INTEGER -> coerceInteger(name, value);
            case STRING -> {
                if (!(value instanceof String text)) {
                    throw value == null ? wrongValue(name, "NULL") : new QuiverException(ErrorCode.ER_WRONG_TYPE_FOR_VAR, name);
                }
                yield text;
            }
            case ENUM -> coerceEnum(name, value, variable.allowedValues());
            case SQL_MODE -> SqlModes.normalize(name, value);
            case CHARACTER_SET, NULLABLE_CHARACTER_SET -> coerceCharacterSet(variable, value);
            case COLLATION -> {
                String text = requireText(name, value);
                yield CharacterSets.findCollation(text)
                        .orElseThrow(() -> new QuiverException(ErrorCode.ER_UNKNOWN_COLLATION, text))
                        .name();
            }
            case TIME_ZONE -> coerceTimeZone(name, value);
        };
    }

    /** The text SHOW VARIABLES prints: ON/OFF for booleans, numbers in decimal, empty for NULL. */
    public static String display(SystemVariable variable, Object value)
    {
        if (value == null) {
            return "";
        }
        if (variable.kind() == Kind.BOOLEAN) {
            return ((Long) value) != 0 ? "ON" : "OFF";
        }
        return value.toString();
    }

    private static Object coerceBoolean(String name, Object value)
    {
        return switch (value) {
            case null -> throw wrongValue(name, "NULL");
            case Long number when number == 0 || number == 1 -> number;
            case Long number -> throw wrongValue(name, number.toString());
            case String text -> switch (text.toUpperCase(Locale.ROOT)) {
                case "ON", "TRUE", "1" -> 1L;
                case "OFF", "FALSE", "0" -> 0L;
                default -> throw wrongValue(name, text);
            };
            default -> throw new QuiverException(ErrorCode.ER_WRONG_TYPE_FOR_VAR, name);
        };
    }

    private static Object coerceInteger(String name, Object value)
    {
        return switch (value) {
            case Long number when number < 0 -> 0L;
            case Long number -> number;
            case BigInteger number -> number.compareTo(UNSIGNED_BIGINT_MAX) > 0 ? UNSIGNED_BIGINT_MAX : number;
            case BigDecimal ignored -> throw new QuiverException(ErrorCode.ER_WRONG_TYPE_FOR_VAR, name);
            case null -> throw new QuiverException(ErrorCode.ER_WRONG_TYPE_FOR_VAR, name);
            default -> throw new QuiverException(ErrorCode.ER_WRONG_TYPE_FOR_VAR, name);
        };
    }

    private static Object coerceEnum(String name, Object value, List<String> allowed)
    {
        if (value instanceof Long index) {
            if (index < 0 || index >= allowed.size()) {
                throw wrongValue(name, index.toString());
            }
            return allowed.get(index.intValue());
        }
        String text = requireText(name, value);
        String upper = text.toUpperCase(Locale.ROOT);
        if (allowed.contains(upper)) {
            return upper;
        }
        throw wrongValue(name, text);
    }

    private static Object coerceCharacterSet(SystemVariable variable, Object value)
    {
        if (value == null) {
            if (variable.kind() == Kind.NULLABLE_CHARACTER_SET) {
                return null;
            }
            throw wrongValue(variable.name(), "NULL");
        }
        String text = requireText(variable.name(), value);
        return CharacterSets.findCharacterSet(text)
                .orElseThrow(() -> new QuiverException(ErrorCode.ER_UNKNOWN_CHARACTER_SET, text))
                .name();
    }

    private static Object coerceTimeZone(String name, Object value)
    {
        String text = requireText(name, value);
        if (text.equalsIgnoreCase("SYSTEM")) {
            return "SYSTEM";
        }
        var matcher = TIME_ZONE_OFFSET.matcher(text);
        if (matcher.matches() && Integer.parseInt(matcher.group(1)) <= 14 && Integer.parseInt(matcher.group(2)) < 60) {
            return text;
        }
        throw new QuiverException(ErrorCode.ER_UNKNOWN_TIME_ZONE, text);
    }

    private static String requireText(String name, Object value)
    {
        if (value == null) {
            throw wrongValue(name, "NULL");
        }
        if (!(value instanceof String text)) {
            throw new QuiverException(ErrorCode.ER_WRONG_TYPE_FOR_VAR, name);
        }
        return text;
    }

    static QuiverException wrongValue(String name, String value)
    {
        return new QuiverException(ErrorCode.ER_WRONG_VALUE_FOR_VAR, name, value);
    }

    private static String versionPrefix(String version)
    {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    private static void both(Map<String, SystemVariable> map, String name, Kind kind, Object defaultValue)
    {
        map.put(name, new SystemVariable(name, Scope.BOTH, kind, defaultValue, false, kind == Kind.BOOLEAN ? OFF_ON : List.of()));
    }

    private static void both(Map<String, SystemVariable> map, String name, Kind kind, Object defaultValue, List<String> allowed)
    {
        map.put(name, new SystemVariable(name, Scope.BOTH, kind, defaultValue, false, allowed));
    }

    private static void global(Map<String, SystemVariable> map, String name, Kind kind, Object defaultValue)
    {
        map.put(name, new SystemVariable(name, Scope.GLOBAL, kind, defaultValue, false, kind == Kind.BOOLEAN ? OFF_ON : List.of()));
    }

    private static void readOnly(Map<String, SystemVariable> map, String name, Kind kind, Object defaultValue)
    {
        map.put(name, new SystemVariable(name, Scope.GLOBAL, kind, defaultValue, true, List.of()));
    }

    private static void session(Map<String, SystemVariable> map, String name, Kind kind, Object defaultValue, boolean readOnly)
    {
        map.put(name, new SystemVariable(name, Scope.SESSION, kind, defaultValue, readOnly, List.of()));
    }

    /** Names of all variables, for tests. */
    public List<String> names()
    {
        return new ArrayList<>(variables.keySet());
    }
}
