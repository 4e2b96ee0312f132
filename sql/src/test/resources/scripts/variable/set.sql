-- Covers: SET in every form clients send, validation errors, and that a failing SET changes nothing
SET autocommit=1;
> ok

SET @@session.autocommit = 0, autocommit = ON;
> ok

SELECT @@autocommit;
> @@autocommit
> ------------
> 1
> rows: 1

SET SESSION wait_timeout = 100, LOCAL net_write_timeout = 120, @@local.interactive_timeout = 130;
> ok

SELECT @@wait_timeout, @@net_write_timeout, @@interactive_timeout, @@global.wait_timeout;
> @@wait_timeout @@net_write_timeout @@interactive_timeout @@global.wait_timeout
> -------------- ------------------- --------------------- ---------------------
> 100            120                 130                   28800
> rows: 1

SET GLOBAL wait_timeout = 200;
> ok

SET @@global.net_write_timeout = 240;
> ok

SELECT @@wait_timeout, @@global.wait_timeout, @@global.net_write_timeout;
> @@wait_timeout @@global.wait_timeout @@global.net_write_timeout
> -------------- --------------------- --------------------------
> 100            200                   240
> rows: 1

-- MariaDB Connector/J's startup statement
set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4;
> ok

SELECT @@sql_mode;
> @@sql_mode
> ---------------------------------------------------------------------------------------------------------------------
> ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
> rows: 1

SET sql_mode = 'ansi';
> ok

SELECT @@sql_mode;
> @@sql_mode
> ------------------------------------------------------------------------------
> REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ONLY_FULL_GROUP_BY,ANSI
> rows: 1

SET sql_mode = '';
> ok

SELECT @@sql_mode;
> @@sql_mode
> ----------
>
> rows: 1

SET sql_mode = DEFAULT;
> ok

SELECT @@sql_mode;
> @@sql_mode
> ---------------------------------------------------------------------------------------------------------------------
> ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
> rows: 1

SET character_set_results = NULL;
> ok

SELECT @@character_set_results;
> @@character_set_results
> -----------------------
> null
> rows: 1

SET NAMES latin1;
> ok

SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection;
> @@character_set_client @@character_set_connection @@character_set_results @@collation_connection
> ---------------------- -------------------------- ----------------------- ----------------------
> latin1                 latin1                     latin1                  latin1_swedish_ci
> rows: 1

SET NAMES 'utf8mb4' COLLATE 'utf8mb4_bin';
> ok

SELECT @@character_set_client, @@collation_connection;
> @@character_set_client @@collation_connection
> ---------------------- ----------------------
> utf8mb4                utf8mb4_bin
> rows: 1

SET NAMES utf8;
> ok

SELECT @@character_set_client, @@collation_connection;
> @@character_set_client @@collation_connection
> ---------------------- ----------------------
> utf8mb3                utf8mb3_general_ci
> rows: 1

SET CHARACTER SET utf8mb4;
> ok

SELECT @@character_set_client, @@character_set_results, @@character_set_connection;
> @@character_set_client @@character_set_results @@character_set_connection
> ---------------------- ----------------------- --------------------------
> utf8mb4                utf8mb4                 utf8mb4
> rows: 1

SET NAMES DEFAULT;
> ok

SET collation_connection = utf8mb4_unicode_ci;
> ok

SELECT @@character_set_connection, @@collation_connection;
> @@character_set_connection @@collation_connection
> -------------------------- ----------------------
> utf8mb4                    utf8mb4_unicode_ci
> rows: 1

SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
> ok

SELECT @@transaction_isolation, @@tx_isolation, @@global.transaction_isolation;
> @@transaction_isolation @@tx_isolation @@global.transaction_isolation
> ----------------------- -------------- ------------------------------
> READ-COMMITTED          READ-COMMITTED REPEATABLE-READ
> rows: 1

SET @@session.transaction_isolation = 'SERIALIZABLE';
> ok

SELECT @@transaction_isolation, @@tx_isolation;
> @@transaction_isolation @@tx_isolation
> ----------------------- --------------
> SERIALIZABLE            SERIALIZABLE
> rows: 1

SET TRANSACTION READ ONLY;
> ok

SET GLOBAL TRANSACTION ISOLATION LEVEL READ UNCOMMITTED, READ WRITE;
> ok

SELECT @@global.transaction_isolation, @@global.tx_isolation, @@transaction_isolation;
> @@global.transaction_isolation @@global.tx_isolation @@transaction_isolation
> ------------------------------ --------------------- -----------------------
> READ-UNCOMMITTED               READ-UNCOMMITTED      SERIALIZABLE
> rows: 1

SET time_zone = '+08:00';
> ok

SELECT @@time_zone;
> @@time_zone
> -----------
> +08:00
> rows: 1

SET time_zone = 'SYSTEM', max_execution_time = 1000, sql_select_limit = DEFAULT;
> ok

SELECT @@time_zone, @@max_execution_time, @@sql_select_limit;
> @@time_zone @@max_execution_time @@sql_select_limit
> ----------- -------------------- --------------------
> SYSTEM      1000                 18446744073709551615
> rows: 1

SET ob_query_timeout = 5000000, ob_hnsw_ef_search = 200;
> ok

SELECT @@ob_query_timeout, @@ob_hnsw_ef_search;
> @@ob_query_timeout @@ob_hnsw_ef_search
> ------------------ -------------------
> 5000000            200
> rows: 1

-- Failure: unknown variable
SET no_such_variable = 1;
> exception ER_UNKNOWN_SYSTEM_VARIABLE: Unknown system variable 'no_such_variable'

-- Failure: invalid values
SET autocommit = 2;
> exception ER_WRONG_VALUE_FOR_VAR: Variable 'autocommit' can't be set to the value of '2'

SET autocommit = 'maybe';
> exception ER_WRONG_VALUE_FOR_VAR: Variable 'autocommit' can't be set to the value of 'maybe'

SET sql_mode = 'NOT_A_MODE';
> exception ER_WRONG_VALUE_FOR_VAR: Variable 'sql_mode' can't be set to the value of 'NOT_A_MODE'

SET transaction_isolation = 'SOMETIMES';
> exception ER_WRONG_VALUE_FOR_VAR: Variable 'transaction_isolation' can't be set to the value of 'SOMETIMES'

SET character_set_client = NULL;
> exception ER_WRONG_VALUE_FOR_VAR: Variable 'character_set_client' can't be set to the value of 'NULL'

SET wait_timeout = 'abc';
> exception ER_WRONG_TYPE_FOR_VAR: Incorrect argument type to variable 'wait_timeout'

SET time_zone = 'Mars/Olympus';
> exception ER_UNKNOWN_TIME_ZONE: Unknown or incorrect time zone: 'Mars/Olympus'

-- Failure: unknown character set and collation, and a collation of another character set
SET NAMES klingon;
> exception ER_UNKNOWN_CHARACTER_SET: Unknown character set: 'klingon'

SET NAMES utf8mb4 COLLATE nope_ci;
> exception ER_UNKNOWN_COLLATION: Unknown collation: 'nope_ci'

SET NAMES utf8mb4 COLLATE latin1_swedish_ci;
> exception ER_COLLATION_CHARSET_MISMATCH: COLLATION 'latin1_swedish_ci' is not valid for CHARACTER SET 'utf8mb4'

-- Failure: a global-only variable set without GLOBAL, a session-only one with GLOBAL, a read-only one
SET init_connect = 'x';
> exception ER_GLOBAL_VARIABLE: Variable 'init_connect' is a GLOBAL variable and should be set with SET GLOBAL

SET GLOBAL warning_count = 1;
> exception ER_INCORRECT_GLOBAL_LOCAL_VAR: Variable 'warning_count' is a read only variable

SET GLOBAL version = 'x';
> exception ER_INCORRECT_GLOBAL_LOCAL_VAR: Variable 'version' is a read only variable

SET @@version_comment = 'x';
> exception ER_INCORRECT_GLOBAL_LOCAL_VAR: Variable 'version_comment' is a read only variable

-- Failure: nothing of a failing SET is applied
SET wait_timeout = 300, autocommit = 2;
> exception ER_WRONG_VALUE_FOR_VAR: Variable 'autocommit' can't be set to the value of '2'

SELECT @@wait_timeout;
> @@wait_timeout
> --------------
> 100
> rows: 1

-- restore the globals this script changed (scripts may share a server)
SET GLOBAL wait_timeout = DEFAULT, GLOBAL net_write_timeout = DEFAULT;
> ok

SET GLOBAL TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE;
> ok

SELECT @@global.wait_timeout, @@global.net_write_timeout, @@global.transaction_isolation, @@global.transaction_read_only;
> @@global.wait_timeout @@global.net_write_timeout @@global.transaction_isolation @@global.transaction_read_only
> --------------------- -------------------------- ------------------------------ ------------------------------
> 28800                 60                         REPEATABLE-READ                0
> rows: 1
