-- Covers: exactly what the mysql/mariadb CLI and the drivers send after connecting (reference/mysql.md 3.8)
select @@version_comment limit 1;
> @@version_comment
> ----------------------------------
> Quiver, a seekdb-compatible server
> rows: 1

select DATABASE(), USER() limit 1;
> DATABASE() USER()
> ---------- --------------
> null       root@localhost
> rows: 1

SELECT @@session.transaction_isolation;
> @@session.transaction_isolation
> -------------------------------
> REPEATABLE-READ
> rows: 1

SELECT @@session.autocommit;
> @@session.autocommit
> --------------------
> 1
> rows: 1

SET character_set_results = NULL;
> ok

SET autocommit=1;
> ok

set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4;
> ok

set session_track_system_variables = CONCAT(@@global.session_track_system_variables,',transaction_isolation');
> ok

SELECT @@time_zone, @@system_time_zone IS NOT NULL;
> @@time_zone @@system_time_zone IS NOT NULL
> ----------- ------------------------------
> SYSTEM      1
> rows: 1

SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ;
> ok

SELECT @@max_allowed_packet > 0, @@net_buffer_length, @@character_set_client;
> @@max_allowed_packet > 0 @@net_buffer_length @@character_set_client
> ------------------------ ------------------- ----------------------
> 1                        16384               utf8mb4
> rows: 1

select database();
> database()
> ----------
> null
> rows: 1

show warnings;
> Level Code Message
> ----- ---- -------
> rows: 0

SET NAMES utf8mb4 COLLATE utf8mb4_0900_ai_ci;
> ok

SELECT 1; SELECT 2 AS two;
> 1
> -
> 1
> rows: 1
> two
> ---
> 2
> rows: 1
