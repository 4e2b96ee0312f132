-- Covers: SHOW VARIABLES, STATUS, ENGINES, COLLATION, CHARACTER SET, WARNINGS, ERRORS, COUNT(*) WARNINGS
SHOW VARIABLES LIKE 'auto%';
> Variable_name            Value
> ------------------------ -----
> auto_increment_increment 1
> auto_increment_offset    1
> autocommit               ON
> automatic_sp_privileges  ON
> rows: 4

SHOW SESSION VARIABLES LIKE 'character\_set\_%';
> Variable_name            Value
> ------------------------ -------
> character_set_client     utf8mb4
> character_set_connection utf8mb4
> character_set_database   utf8mb4
> character_set_filesystem binary
> character_set_results    utf8mb4
> character_set_server     utf8mb4
> character_set_system     utf8mb3
> rows: 7

SHOW GLOBAL VARIABLES LIKE 'warning_count';
> Variable_name Value
> ------------- -----
> rows: 0

SHOW VARIABLES WHERE Variable_name = 'sql_mode';
> Variable_name Value
> ------------- ---------------------------------------------------------------------------------------------------------------------
> sql_mode      ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
> rows: 1

SHOW VARIABLES WHERE Variable_name IN ('tx_isolation', 'version') OR Value = 'GPL';
> Variable_name Value
> ------------- ----------------------
> license       GPL
> tx_isolation  REPEATABLE-READ
> version       8.0.36-seekdb-v1.4.0.0
> rows: 3

SET wait_timeout = 10;
> ok

SHOW SESSION VARIABLES LIKE 'wait_timeout';
> Variable_name Value
> ------------- -----
> wait_timeout  10
> rows: 1

SHOW GLOBAL VARIABLES LIKE 'wait_timeout';
> Variable_name Value
> ------------- -----
> wait_timeout  28800
> rows: 1

SHOW VARIABLES LIKE 'lower_case%';
> Variable_name          Value
> ---------------------- -----
> lower_case_file_system OFF
> lower_case_table_names 0
> rows: 2

SHOW GLOBAL STATUS LIKE 'No_such_counter%';
> Variable_name Value
> ------------- -----
> rows: 0

SHOW SESSION STATUS WHERE Variable_name IN ('Com_select', 'Threads_connected', 'Uptime') AND Value < 0;
> Variable_name Value
> ------------- -----
> rows: 0

SHOW ENGINES;
> Engine Support Comment                                                    Transactions XA  Savepoints
> ------ ------- ---------------------------------------------------------- ------------ --- ----------
> InnoDB DEFAULT Supports transactions, row-level locking, and foreign keys YES          YES YES
> rows: 1

SHOW STORAGE ENGINES;
> Engine Support Comment                                                    Transactions XA  Savepoints
> ------ ------- ---------------------------------------------------------- ------------ --- ----------
> InnoDB DEFAULT Supports transactions, row-level locking, and foreign keys YES          YES YES
> rows: 1

SHOW COLLATION LIKE 'utf8mb4%';
> Collation          Charset Id  Default Compiled Sortlen Pad_attribute
> ------------------ ------- --- ------- -------- ------- -------------
> utf8mb4_0900_ai_ci utf8mb4 255         Yes      1       NO PAD
> utf8mb4_0900_bin   utf8mb4 309         Yes      1       NO PAD
> utf8mb4_bin        utf8mb4 46          Yes      1       PAD SPACE
> utf8mb4_general_ci utf8mb4 45  Yes     Yes      1       PAD SPACE
> utf8mb4_unicode_ci utf8mb4 224         Yes      1       PAD SPACE
> rows: 5

SHOW CHARACTER SET;
> Charset Description           Default collation  Maxlen
> ------- --------------------- ------------------ ------
> ascii   US ASCII              ascii_general_ci   1
> binary  Binary pseudo charset binary             1
> latin1  cp1252 West European  latin1_swedish_ci  1
> utf8mb3 UTF-8 Unicode         utf8mb3_general_ci 3
> utf8mb4 UTF-8 Unicode         utf8mb4_general_ci 4
> rows: 5

SHOW CHARSET LIKE 'utf8%';
> Charset Description   Default collation  Maxlen
> ------- ------------- ------------------ ------
> utf8mb3 UTF-8 Unicode utf8mb3_general_ci 3
> utf8mb4 UTF-8 Unicode utf8mb4_general_ci 4
> rows: 2

-- warnings belong to the last statement; SHOW WARNINGS does not clear them
SELECT 1 / 0, 'x' + 0;
> 1 / 0 'x' + 0
> ----- -------
> null  0
> rows: 1

SHOW COUNT(*) WARNINGS;
> @@session.warning_count
> -----------------------
> 2
> rows: 1

SHOW WARNINGS LIMIT 1;
> Level   Code Message
> ------- ---- -------------
> Warning 1365 Division by 0
> rows: 1

SHOW WARNINGS LIMIT 1, 1;
> Level   Code Message
> ------- ---- -------------------------------------
> Warning 1292 Truncated incorrect DOUBLE value: 'x'
> rows: 1

SELECT @@warning_count, @@error_count;
> @@warning_count @@error_count
> --------------- -------------
> 2               0
> rows: 1

SHOW WARNINGS;
> Level   Code Message
> ------- ---- -------------------------------------
> Warning 1365 Division by 0
> Warning 1292 Truncated incorrect DOUBLE value: 'x'
> rows: 2

SELECT 1;
> 1
> -
> 1
> rows: 1

SHOW WARNINGS;
> Level Code Message
> ----- ---- -------
> rows: 0

-- an error is the last statement's diagnostics
SELECT @@nope;
> exception ER_UNKNOWN_SYSTEM_VARIABLE: Unknown system variable 'nope'

SHOW ERRORS;
> Level Code Message
> ----- ---- ------------------------------
> Error 1193 Unknown system variable 'nope'
> rows: 1

SHOW COUNT(*) ERRORS;
> @@session.error_count
> ---------------------
> 1
> rows: 1

SHOW WARNINGS;
> Level Code Message
> ----- ---- ------------------------------
> Error 1193 Unknown system variable 'nope'
> rows: 1

-- Failure: a column SHOW ... WHERE does not have
SHOW VARIABLES WHERE nope = 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'where clause'

-- Failure: the table SHOW forms need a database
SHOW TABLES;
> exception ER_NO_DB_ERROR: No database selected

SHOW FULL COLUMNS FROM t;
> exception ER_NO_DB_ERROR: No database selected

SHOW CREATE TABLE t;
> exception ER_NO_DB_ERROR: No database selected
