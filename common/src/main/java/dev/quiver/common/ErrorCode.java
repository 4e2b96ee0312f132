package dev.quiver.common;

import java.util.IllegalFormatException;
import java.util.Locale;

/**
 * Every error a client can see: MySQL's error number, SQLSTATE and message template, bound where the
 * error is defined. Numbers, states and texts follow the MySQL 8 server error reference; Quiver's own
 * errors (none yet) take numbers from one private block starting at 8500 and never reuse MySQL's.
 *
 * <p>Templates use {@link String#format} placeholders; {@link #format(Object...)} fills them.
 */
public enum ErrorCode
{
    ER_CON_COUNT_ERROR(1040, "08004", "Too many connections"),
    ER_HANDSHAKE_ERROR(1043, "08S01", "Bad handshake"),
    ER_NOT_SUPPORTED_AUTH_MODE(1251, "08004", "Client does not support authentication protocol requested by server; consider upgrading MySQL client"),
    ER_MALFORMED_PACKET(1835, "HY000", "Malformed communication packet."),
    ER_MAX_PREPARED_STMT_COUNT_REACHED(1461, "42000", "Can't create more than max_prepared_stmt_count statements (current value: %d)"),
    ER_DBACCESS_DENIED_ERROR(1044, "42000", "Access denied for user '%s'@'%s' to database '%s'"),
    ER_ACCESS_DENIED_ERROR(1045, "28000", "Access denied for user '%s'@'%s' (using password: %s)"),
    ER_NO_DB_ERROR(1046, "3D000", "No database selected"),
    ER_UNKNOWN_COM_ERROR(1047, "08S01", "Unknown command"),
    ER_BAD_NULL_ERROR(1048, "23000", "Column '%s' cannot be null"),
    ER_BAD_DB_ERROR(1049, "42000", "Unknown database '%s'"),
    ER_TABLE_EXISTS_ERROR(1050, "42S01", "Table '%s' already exists"),
    ER_BAD_TABLE_ERROR(1051, "42S02", "Unknown table '%s'"),
    ER_NON_UNIQ_ERROR(1052, "23000", "Column '%s' in %s is ambiguous"),
    ER_BAD_FIELD_ERROR(1054, "42S22", "Unknown column '%s' in '%s'"),
    ER_WRONG_FIELD_WITH_GROUP(1055, "42000", "Expression #%d of SELECT list is not in GROUP BY clause and contains nonaggregated column '%s' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by"),
    ER_WRONG_GROUP_FIELD(1056, "42000", "Can't group on '%s'"),
    ER_DUP_FIELDNAME(1060, "42S21", "Duplicate column name '%s'"),
    ER_DUP_KEYNAME(1061, "42000", "Duplicate key name '%s'"),
    ER_DUP_ENTRY(1062, "23000", "Duplicate entry '%s' for key '%s'"),
    ER_WRONG_FIELD_SPEC(1063, "42000", "Incorrect column specifier for column '%s'"),
    ER_PARSE_ERROR(1064, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '%s' at line %d"),
    ER_EMPTY_QUERY(1065, "42000", "Query was empty"),
    ER_NONUNIQ_TABLE(1066, "42000", "Not unique table/alias: '%s'"),
    ER_INVALID_DEFAULT(1067, "42000", "Invalid default value for '%s'"),
    ER_MULTIPLE_PRI_KEY(1068, "42000", "Multiple primary key defined"),
    ER_TOO_MANY_KEYS(1069, "42000", "Too many keys specified; max %d keys allowed"),
    ER_TOO_LONG_KEY(1071, "42000", "Specified key was too long; max key length is %d bytes"),
    ER_KEY_COLUMN_DOES_NOT_EXITS(1072, "42000", "Key column '%s' doesn't exist in table"),
    ER_TOO_BIG_FIELDLENGTH(1074, "42000", "Column length too big for column '%s' (max = %d); use BLOB or TEXT instead"),
    ER_WRONG_AUTO_KEY(1075, "42000", "Incorrect table definition; there can be only one auto column and it must be defined as a key"),
    ER_WRONG_VALUE_COUNT(1058, "21S01", "Column count doesn't match value count"),
    ER_CANT_DROP_FIELD_OR_KEY(1091, "42000", "Can't DROP '%s'; check that column/key exists"),
    ER_CANT_REMOVE_ALL_FIELDS(1090, "42000", "You can't delete all columns with ALTER TABLE; use DROP TABLE instead"),
    ER_UPDATE_TABLE_USED(1093, "HY000", "You can't specify target table '%s' for update in FROM clause"),
    ER_NO_SUCH_THREAD(1094, "HY000", "Unknown thread id: %d"),
    ER_TOO_BIG_SELECT(1104, "42000", "The SELECT would examine more than MAX_JOIN_SIZE rows"),
    ER_UNKNOWN_TABLE(1109, "42S02", "Unknown table '%s' in %s"),
    ER_FIELD_SPECIFIED_TWICE(1110, "42000", "Column '%s' specified twice"),
    ER_INVALID_GROUP_FUNC_USE(1111, "HY000", "Invalid use of group function"),
    ER_TABLE_MUST_HAVE_COLUMNS(1113, "42000", "A table must have at least 1 column"),
    ER_UNKNOWN_CHARACTER_SET(1115, "42000", "Unknown character set: '%s'"),
    ER_TOO_MANY_TABLES(1116, "HY000", "Too many tables; MySQL can only use %d tables in a join"),
    ER_WRONG_OUTER_JOIN(1120, "42000", "Cross dependency found in OUTER JOIN; examine your ON conditions"),
    ER_NULL_COLUMN_IN_INDEX(1121, "42000", "Table handler doesn't support NULL in given index. Please change column '%s' to be NOT NULL or use another handler"),
    ER_PASSWORD_NO_MATCH(1133, "42000", "Can't find any matching row in the user table"),
    ER_WRONG_VALUE_COUNT_ON_ROW(1136, "21S01", "Column count doesn't match value count at row %d"),
    ER_INVALID_USE_OF_NULL(1138, "22004", "Invalid use of NULL value"),
    ER_MIX_OF_GROUP_FUNC_AND_FIELDS(1140, "42000", "In aggregated query without GROUP BY, expression #%d of SELECT list contains nonaggregated column '%s'; this is incompatible with sql_mode=only_full_group_by"),
    ER_NONEXISTING_GRANT(1141, "42000", "There is no such grant defined for user '%s' on host '%s'"),
    ER_TABLEACCESS_DENIED_ERROR(1142, "42000", "%s command denied to user '%s'@'%s' for table '%s'"),
    ER_COLUMNACCESS_DENIED_ERROR(1143, "42000", "%s command denied to user '%s'@'%s' for column '%s' in table '%s'"),
    ER_ILLEGAL_GRANT_FOR_TABLE(1144, "42000", "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used"),
    ER_NONEXISTING_TABLE_GRANT(1147, "42000", "There is no such grant defined for user '%s' on host '%s' on table '%s'"),
    ER_NOT_ALLOWED_COMMAND(1148, "42000", "The used command is not allowed with this MySQL version"),
    ER_SYNTAX_ERROR(1149, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use"),
    ER_NET_PACKET_TOO_LARGE(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes"),
    ER_NET_READ_ERROR_FROM_PIPE(1154, "08S01", "Got a read error from the connection pipe"),
    ER_NET_FCNTL_ERROR(1155, "08S01", "Got an error from fcntl()"),
    ER_NET_PACKETS_OUT_OF_ORDER(1156, "08S01", "Got packets out of order"),
    ER_NET_UNCOMPRESS_ERROR(1157, "08S01", "Couldn't uncompress communication packet"),
    ER_NET_READ_ERROR(1158, "08S01", "Got an error reading communication packets"),
    ER_TOO_LONG_IDENT(1059, "42000", "Identifier name '%s' is too long"),
    ER_BLOB_KEY_WITHOUT_LENGTH(1170, "42000", "BLOB/TEXT column '%s' used in key specification without a key length"),
    ER_PRIMARY_CANT_HAVE_NULL(1171, "42000", "All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead"),
    ER_TOO_MANY_ROWS(1172, "42000", "Result consisted of more than one row"),
    ER_KEY_DOES_NOT_EXITS(1176, "42000", "Key '%s' doesn't exist in table '%s'"),
    ER_CANT_DO_THIS_DURING_AN_TRANSACTION(1179, "25000", "You are not allowed to execute this command in a transaction"),
    ER_ERROR_DURING_COMMIT(1180, "HY000", "Got error %d - '%s' during COMMIT"),
    ER_ERROR_DURING_ROLLBACK(1181, "HY000", "Got error %d - '%s' during ROLLBACK"),
    ER_NEW_ABORTING_CONNECTION(1184, "08S01", "Aborted connection %d to db: '%s' user: '%s' host: '%s' (%s)"),
    ER_LOCK_OR_ACTIVE_TRANSACTION(1192, "HY000", "Can't execute the given command because you have active locked tables or an active transaction"),
    ER_UNKNOWN_SYSTEM_VARIABLE(1193, "HY000", "Unknown system variable '%s'"),
    ER_WARNING_NOT_COMPLETE_ROLLBACK(1196, "HY000", "Some non-transactional changed tables couldn't be rolled back"),
    ER_LOCK_WAIT_TIMEOUT(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction"),
    ER_NO_PERMISSION_TO_CREATE_USER(1211, "42000", "'%s'@'%s' is not allowed to create new users"),
    ER_DB_CREATE_EXISTS(1007, "HY000", "Can't create database '%s'; database exists"),
    ER_DB_DROP_EXISTS(1008, "HY000", "Can't drop database '%s'; database doesn't exist"),
    ER_LOCK_DEADLOCK(1213, "40001", "Deadlock found when trying to get lock; try restarting transaction"),
    ER_WRONG_ARGUMENTS(1210, "HY000", "Incorrect arguments to %s"),
    ER_SPECIFIC_ACCESS_DENIED_ERROR(1227, "42000", "Access denied; you need (at least one of) the %s privilege(s) for this operation"),
    ER_LOCAL_VARIABLE(1228, "HY000", "Variable '%s' is a SESSION variable and can't be used with SET GLOBAL"),
    ER_GLOBAL_VARIABLE(1229, "HY000", "Variable '%s' is a GLOBAL variable and should be set with SET GLOBAL"),
    ER_NO_DEFAULT(1230, "42000", "Variable '%s' doesn't have a default value"),
    ER_WRONG_VALUE_FOR_VAR(1231, "42000", "Variable '%s' can't be set to the value of '%s'"),
    ER_WRONG_TYPE_FOR_VAR(1232, "42000", "Incorrect argument type to variable '%s'"),
    ER_VAR_CANT_BE_READ(1233, "HY000", "Variable '%s' can only be set, not read"),
    ER_INCORRECT_GLOBAL_LOCAL_VAR(1238, "HY000", "Variable '%s' is a %s variable"),
    ER_FT_MATCHING_KEY_NOT_FOUND(1191, "HY000", "Can't find FULLTEXT index matching the column list"),
    ER_NOT_SUPPORTED_YET(1235, "42000", "This version of MySQL doesn't yet support '%s'"),
    ER_WRONG_USAGE(1221, "HY000", "Incorrect usage of %s and %s"),
    ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT(1222, "21000", "The used SELECT statements have a different number of columns"),
    ER_OPERAND_COLUMNS(1241, "21000", "Operand should contain %d column(s)"),
    ER_SUBQUERY_NO_1_ROW(1242, "21000", "Subquery returns more than 1 row"),
    ER_UNKNOWN_STMT_HANDLER(1243, "HY000", "Unknown prepared statement handler (%s) given to %s"),
    ER_ILLEGAL_REFERENCE(1247, "42S22", "Reference '%s' not supported (%s)"),
    ER_DERIVED_MUST_HAVE_ALIAS(1248, "42000", "Every derived table must have its own alias"),
    ER_WARN_DATA_OUT_OF_RANGE(1264, "22003", "Out of range value for column '%s' at row %d"),
    WARN_DATA_TRUNCATED(1265, "01000", "Data truncated for column '%s' at row %d"),
    ER_UNKNOWN_COLLATION(1273, "HY000", "Unknown collation: '%s'"),
    ER_WARN_DEPRECATED_SYNTAX(1287, "HY000", "'%s' is deprecated and will be removed in a future release. Please use %s instead"),
    ER_UNKNOWN_STORAGE_ENGINE(1286, "42000", "Unknown storage engine '%s'"),
    ER_OPTION_PREVENTS_STATEMENT(1290, "HY000", "The MySQL server is running with the %s option so it cannot execute this statement"),
    ER_TRUNCATED_WRONG_VALUE(1292, "22007", "Truncated incorrect %s value: '%s'"),
    ER_UNKNOWN_TIME_ZONE(1298, "HY000", "Unknown or incorrect time zone: '%s'"),
    ER_SP_DOES_NOT_EXIST(1305, "42000", "%s %s does not exist"),
    ER_QUERY_INTERRUPTED(1317, "70100", "Query execution was interrupted"),
    ER_SP_WRONG_NO_OF_ARGS(1318, "42000", "Incorrect number of arguments for %s %s; expected %d, got %d"),
    ER_DIVISION_BY_ZERO(1365, "22012", "Division by 0"),
    ER_TRUNCATED_WRONG_VALUE_FOR_FIELD(1366, "HY000", "Incorrect %s value: '%s' for column '%s' at row %d"),
    ER_ILLEGAL_VALUE_FOR_TYPE(1367, "22007", "Illegal %s '%s' value found during parsing"),
    ER_CANNOT_USER(1396, "HY000", "Operation %s failed for %s"),
    ER_NONEXISTING_PROC_GRANT(1403, "42000", "There is no such grant defined for user '%s' on host '%s' on routine '%s'"),
    ER_CANT_CREATE_USER_WITH_GRANT(1410, "42000", "You are not allowed to create a user with GRANT"),
    ER_PLUGIN_IS_NOT_LOADED(1524, "HY000", "Plugin '%s' is not loaded"),
    ER_USER_DOES_NOT_EXIST(3162, "HY000", "Authorization ID %s does not exist."),
    ER_USER_ALREADY_EXISTS(3163, "HY000", "Authorization ID %s already exists."),
    ER_DATA_TOO_LONG(1406, "22001", "Data too long for column '%s' at row %d"),
    ER_STMT_HAS_NO_OPEN_CURSOR(1421, "HY000", "The statement (%d) has no open cursor."),
    ER_TOO_BIG_SCALE(1425, "42000", "Too big scale %d specified for column '%s'. Maximum is %d."),
    ER_TOO_BIG_PRECISION(1426, "42000", "Too-big precision %d specified for '%s'. Maximum is %d."),
    ER_M_BIGGER_THAN_D(1427, "42000", "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '%s')."),
    ER_TOO_BIG_DISPLAYWIDTH(1439, "42000", "Display width out of range for column '%s' (max = %d)"),
    ER_DATETIME_FUNCTION_OVERFLOW(1441, "22008", "Datetime function: %s field overflow"),
    ER_PS_MANY_PARAM(1390, "HY000", "Prepared statement contains too many placeholders"),
    ER_DUP_ENTRY_WITH_KEY_NAME(1586, "23000", "Duplicate entry '%s' for key '%s'"),
    ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT(1582, "42000", "Incorrect parameter count in the call to native function '%s'"),
    ER_WRONG_PARAMETERS_TO_NATIVE_FCT(1583, "42000", "Incorrect parameters in the call to native function '%s'"),
    ER_DATA_OUT_OF_RANGE(1690, "22003", "%s value is out of range in '%s'"),
    ER_NO_SUCH_TABLE(1146, "42S02", "Table '%s.%s' doesn't exist"),
    ER_CANT_CREATE_TABLE(1005, "HY000", "Can't create table '%s' (errno: %d - %s)"),
    ER_CANT_CREATE_DB(1006, "HY000", "Can't create database '%s' (errno: %d - %s)"),
    ER_WRONG_DB_NAME(1102, "42000", "Incorrect database name '%s'"),
    ER_WRONG_TABLE_NAME(1103, "42000", "Incorrect table name '%s'"),
    ER_WRONG_COLUMN_NAME(1166, "42000", "Incorrect column name '%s'"),
    ER_UNKNOWN_ERROR(1105, "HY000", "%s"),
    ER_UNKNOWN_PROCEDURE(1106, "42000", "Unknown procedure '%s'"),
    ER_WRONG_PARAMCOUNT_TO_PROCEDURE(1107, "42000", "Incorrect parameter count to procedure '%s'"),
    ER_TOO_LONG_STRING(1162, "42000", "Result string is longer than 'max_allowed_packet' bytes"),
    ER_SERVER_SHUTDOWN(1053, "08S01", "Server shutdown in progress"),
    ER_OUT_OF_RESOURCES(1041, "HY000", "Out of memory; check if mysqld or some other process uses all available memory; if not, you may have to use 'ulimit' to allow mysqld to use more memory or you can add more swap space"),
    ER_OUTOFMEMORY(1037, "HY001", "Out of memory; restart server and try again (needed %d bytes)"),
    ER_TOO_LONG_FIELD_COMMENT(1629, "HY000", "Comment for field '%s' is too long (max = %d)"),
    ER_REGEXP_ILLEGAL_ARGUMENT(3685, "HY000", "Illegal argument to a regular expression."),
    ER_INVALID_JSON_TEXT(3140, "22032", "Invalid JSON text: \"%s\" at position %d in value for column '%s'."),
    ER_INVALID_JSON_TEXT_IN_PARAM(3141, "22032", "Invalid JSON text in argument %d to function %s: \"%s\" at position %d."),
    ER_INVALID_JSON_PATH(3143, "42000", "Invalid JSON path expression. The error is around character position %d."),
    ER_INVALID_JSON_CHARSET(3144, "22032", "Cannot create a JSON value from a string with CHARACTER SET '%s'."),
    ER_INVALID_TYPE_FOR_JSON(3146, "22032", "Invalid data type for JSON data in argument %d to function %s; a JSON string or JSON type is required."),
    ER_INVALID_JSON_PATH_WILDCARD(3149, "42000", "In this situation, path expressions may not contain the * and ** tokens."),
    ER_JSON_VALUE_TOO_BIG(3150, "22032", "The JSON value is too big to be stored in a JSON column."),
    ER_JSON_DOCUMENT_NULL_KEY(3158, "22032", "JSON documents may not contain NULL member names."),
    ER_WRONG_KEY_COLUMN(1167, "42000", "The used storage engine can't index column '%s'"),
    ER_FUNCTION_NOT_DEFINED(1128, "HY000", "Function '%s' is not defined"),
    ER_ROW_IS_REFERENCED(1217, "23000", "Cannot delete or update a parent row: a foreign key constraint fails"),
    ER_ROLLBACK_NOT_SUPPORTED(8501, "0A000", "ROLLBACK cannot undo this session's writes: Quiver applies each statement as it runs until transactions land; %s"),
    ER_VECTOR_DIMENSION_MISMATCH(8502, "22000", "Vector dimension mismatch for column '%s': expected %d, got %d"),
    ER_INVALID_VECTOR_TEXT(8503, "22000", "Invalid vector value for column '%s': %s"),
    ER_VECTOR_DIFFERENT_DIMENSIONS(8510, "22000", "different vector dimensions %d and %d"),
    ER_STORAGE_IO(8504, "HY000", "Storage I/O error: %s"),
    ER_STORAGE_CORRUPT(8505, "HY000", "Storage file is corrupt: %s"),
    ER_NO_DEFAULT_FOR_FIELD(1364, "HY000", "Field '%s' doesn't have a default value"),
    ER_COLLATION_CHARSET_MISMATCH(1253, "42000", "COLLATION '%s' is not valid for CHARACTER SET '%s'"),
    ER_NO_SYSTEM_SCHEMA_ACCESS(3552, "HY000", "Access to system schema '%s' is rejected."),
    ER_NO_TABLES_USED(1096, "HY000", "No tables used"),
    ER_INTERNAL_ERROR(1815, "HY000", "Internal error: %s"),
    ER_BLOB_CANT_HAVE_DEFAULT(1101, "42000", "BLOB, TEXT, GEOMETRY or JSON column '%s' can't have a default value");

    private final int vendorCode;
    private final String sqlState;
    private final String messageTemplate;

    ErrorCode(int vendorCode, String sqlState, String messageTemplate)
    {
        this.vendorCode = vendorCode;
        this.sqlState = sqlState;
        this.messageTemplate = messageTemplate;
    }

    /** MySQL's error number, sent as {@code error_code} in the ERR packet. */
    public int vendorCode()
    {
        return vendorCode;
    }

    /** The five-character SQLSTATE, sent after {@code '#'} in the ERR packet. */
    public String sqlState()
    {
        return sqlState;
    }

    public String messageTemplate()
    {
        return messageTemplate;
    }

    /** Number of {@code %} placeholders the template expects. */
    public int argumentCount()
    {
        int count = 0;
        for (int i = 0; i < messageTemplate.length() - 1; i++) {
            if (messageTemplate.charAt(i) == '%') {
                char next = messageTemplate.charAt(i + 1);
                if (next == '%') {
                    i++;
                    continue;
                }
                count++;
            }
        }
        return count;
    }

    /** The message with its arguments filled in; a wrong argument list shows the raw template plus the arguments. */
    public String format(Object... arguments)
    {
        if (arguments.length == 0 && argumentCount() == 0) {
            return messageTemplate;
        }
        try {
            return String.format(Locale.ROOT, messageTemplate, arguments);
        }
        catch (IllegalFormatException ex) {
            return messageTemplate + " " + java.util.Arrays.toString(arguments);
        }
    }
}
