-- Covers: reading system variables with every scope prefix, typed values, column names, unknown and wrong-scope errors
SELECT @@version LIKE '8.0.%', @@version_comment, @@VERSION_COMPILE_OS, @@license, @@lower_case_table_names, @@max_allowed_packet > 0;
> @@version LIKE '8.0.%' @@version_comment                  @@VERSION_COMPILE_OS @@license @@lower_case_table_names @@max_allowed_packet > 0
> ---------------------- ---------------------------------- -------------------- --------- ------------------------ ------------------------
> 1                      Quiver, a seekdb-compatible server Linux                GPL       0                        1
> rows: 1

SELECT @@session.auto_increment_increment, @@global.auto_increment_increment, @@local.auto_increment_increment, @@auto_increment_increment;
> @@session.auto_increment_increment @@global.auto_increment_increment @@local.auto_increment_increment @@auto_increment_increment
> ---------------------------------- --------------------------------- -------------------------------- --------------------------
> 1                                  1                                 1                                1
> rows: 1

SELECT @@autocommit, @@session.autocommit, @@sql_mode, @@time_zone, @@transaction_isolation, @@tx_isolation, @@transaction_read_only, @@tx_read_only;
> @@autocommit @@session.autocommit @@sql_mode                                                                                                            @@time_zone @@transaction_isolation @@tx_isolation  @@transaction_read_only @@tx_read_only
> ------------ -------------------- --------------------------------------------------------------------------------------------------------------------- ----------- ----------------------- --------------- ----------------------- --------------
> 1            1                    ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION SYSTEM      REPEATABLE-READ         REPEATABLE-READ 0                       0
> rows: 1

SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@character_set_server, @@character_set_database, @@collation_server, @@collation_connection, @@collation_database;
> @@character_set_client @@character_set_connection @@character_set_results @@character_set_server @@character_set_database @@collation_server @@collation_connection @@collation_database
> ---------------------- -------------------------- ----------------------- ---------------------- ------------------------ ------------------ ---------------------- --------------------
> utf8mb4                utf8mb4                    utf8mb4                 utf8mb4                utf8mb4                  utf8mb4_general_ci utf8mb4_general_ci     utf8mb4_general_ci
> rows: 1

SELECT @@init_connect, @@interactive_timeout, @@wait_timeout, @@net_write_timeout, @@net_buffer_length, @@performance_schema, @@query_cache_size, @@query_cache_type, @@max_execution_time;
> @@init_connect @@interactive_timeout @@wait_timeout @@net_write_timeout @@net_buffer_length @@performance_schema @@query_cache_size @@query_cache_type @@max_execution_time
> -------------- --------------------- -------------- ------------------- ------------------- -------------------- ------------------ ------------------ --------------------
>                28800                 28800          60                  16384               0                    0                  OFF                0
> rows: 1

SELECT @@sql_select_limit, @@have_ssl, @@default_storage_engine, @@storage_engine, @@sql_auto_is_null, @@port > 0, @@hostname IS NOT NULL, @@datadir IS NOT NULL, @@socket IS NOT NULL;
> @@sql_select_limit   @@have_ssl @@default_storage_engine @@storage_engine @@sql_auto_is_null @@port > 0 @@hostname IS NOT NULL @@datadir IS NOT NULL @@socket IS NOT NULL
> -------------------- ---------- ------------------------ ---------------- ------------------ ---------- ---------------------- --------------------- --------------------
> 18446744073709551615 DISABLED   InnoDB                   InnoDB           0                  1          1                      1                     1
> rows: 1

SELECT @@session_track_schema, @@session_track_system_variables, @@session_track_state_change, @@session_track_transaction_info, @@ob_query_timeout, @@ob_hnsw_ef_search;
> @@session_track_schema @@session_track_system_variables                                                         @@session_track_state_change @@session_track_transaction_info @@ob_query_timeout @@ob_hnsw_ef_search
> ---------------------- ---------------------------------------------------------------------------------------- ---------------------------- -------------------------------- ------------------ -------------------
> 1                      time_zone,autocommit,character_set_client,character_set_results,character_set_connection 0                            OFF                              10000000           64
> rows: 1

SELECT @@warning_count, @@error_count, @@last_insert_id, @@identity;
> @@warning_count @@error_count @@last_insert_id @@identity
> --------------- ------------- ---------------- ----------
> 0               0             0                0
> rows: 1

-- MySQL Connector/J 9's startup query, aliases name the columns
/* mysql-connector-j-9.1.0 (Revision: 0) */SELECT  @@session.auto_increment_increment AS auto_increment_increment, @@character_set_client AS character_set_client, @@character_set_connection AS character_set_connection, @@character_set_results AS character_set_results, @@character_set_server AS character_set_server, @@collation_server AS collation_server, @@collation_connection AS collation_connection, @@init_connect AS init_connect, @@interactive_timeout AS interactive_timeout, @@license AS license, @@lower_case_table_names AS lower_case_table_names, @@max_allowed_packet > 0 AS max_allowed_packet, @@net_write_timeout AS net_write_timeout, @@performance_schema AS performance_schema, @@sql_mode AS sql_mode, @@system_time_zone IS NOT NULL AS system_time_zone, @@time_zone AS time_zone, @@transaction_isolation AS transaction_isolation, @@wait_timeout AS wait_timeout;
> auto_increment_increment character_set_client character_set_connection character_set_results character_set_server collation_server   collation_connection init_connect interactive_timeout license lower_case_table_names max_allowed_packet net_write_timeout performance_schema sql_mode                                                                                                              system_time_zone time_zone transaction_isolation wait_timeout
> ------------------------ -------------------- ------------------------ --------------------- -------------------- ------------------ -------------------- ------------ ------------------- ------- ---------------------- ------------------ ----------------- ------------------ --------------------------------------------------------------------------------------------------------------------- ---------------- --------- --------------------- ------------
> 1                        utf8mb4              utf8mb4                  utf8mb4               utf8mb4              utf8mb4_general_ci utf8mb4_general_ci                28800               GPL     0                      1                  60                0                  ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION 1                SYSTEM    REPEATABLE-READ       28800
> rows: 1

-- Failure: unknown variables
SELECT @@no_such_variable;
> exception ER_UNKNOWN_SYSTEM_VARIABLE: Unknown system variable 'no_such_variable'

SELECT @@session.no_such_variable;
> exception ER_UNKNOWN_SYSTEM_VARIABLE: Unknown system variable 'no_such_variable'

-- Failure: a global-only variable read with SESSION, a session-only one with GLOBAL
SELECT @@session.version;
> exception ER_INCORRECT_GLOBAL_LOCAL_VAR: Variable 'version' is a GLOBAL variable

SELECT @@global.warning_count;
> exception ER_INCORRECT_GLOBAL_LOCAL_VAR: Variable 'warning_count' is a SESSION variable

-- inside an expression '=' compares a variable, it does not assign it
SELECT @@sql_select_limit = @@global.sql_select_limit AS same, @@autocommit = 1, @@autocommit = 0;
> same @@autocommit = 1 @@autocommit = 0
> ---- ---------------- ----------------
> 1    1                0
> rows: 1

-- Failure: assigning a system variable inside an expression is not supported
SELECT @@autocommit := 1;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'assigning system variables inside expressions'
