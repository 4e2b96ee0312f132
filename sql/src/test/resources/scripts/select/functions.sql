-- Covers: session functions, CONCAT, CAST/CONVERT, string functions; unknown functions and wrong argument counts
SELECT DATABASE(), SCHEMA(), VERSION() = @@version, USER() LIKE 'root@%', SESSION_USER() = USER(), SYSTEM_USER() = USER(), CURRENT_USER() = CURRENT_USER, CURRENT_USER() LIKE 'root@%';
> DATABASE() SCHEMA() VERSION() = @@version USER() LIKE 'root@%' SESSION_USER() = USER() SYSTEM_USER() = USER() CURRENT_USER() = CURRENT_USER CURRENT_USER() LIKE 'root@%'
> ---------- -------- --------------------- -------------------- ----------------------- ---------------------- ----------------------------- ----------------------------
> null       null     1                     1                    1                       1                      1                             1
> rows: 1

SELECT CONNECTION_ID() > 0, LAST_INSERT_ID(), ROW_COUNT(), FOUND_ROWS();
> CONNECTION_ID() > 0 LAST_INSERT_ID() ROW_COUNT() FOUND_ROWS()
> ------------------- ---------------- ----------- ------------
> 1                   0                -1          1
> rows: 1

SELECT LAST_INSERT_ID(42), LAST_INSERT_ID(), @@last_insert_id, @@identity;
> LAST_INSERT_ID(42) LAST_INSERT_ID() @@last_insert_id @@identity
> ------------------ ---------------- ---------------- ----------
> 42                 42               42               42
> rows: 1

SELECT NOW() IS NOT NULL, CURRENT_TIMESTAMP = NOW(), SYSDATE() >= NOW(), CURDATE() = CURRENT_DATE, UNIX_TIMESTAMP() > 1700000000;
> NOW() IS NOT NULL CURRENT_TIMESTAMP = NOW() SYSDATE() >= NOW() CURDATE() = CURRENT_DATE UNIX_TIMESTAMP() > 1700000000
> ----------------- ------------------------- ------------------ ------------------------ -----------------------------
> 1                 1                         1                  1                        1
> rows: 1

SELECT LENGTH(UUID()), UUID() = UUID();
> LENGTH(UUID()) UUID() = UUID()
> -------------- ---------------
> 36             0
> rows: 1

SELECT CONCAT('a', 'b', 'c'), CONCAT('n', 1, 2.5), CONCAT('x', NULL), CONCAT_WS('-', 'a', NULL, 'b');
> CONCAT('a', 'b', 'c') CONCAT('n', 1, 2.5) CONCAT('x', NULL) CONCAT_WS('-', 'a', NULL, 'b')
> --------------------- ------------------- ----------------- ------------------------------
> abc                   n12.5               null              a-b
> rows: 1

SELECT CAST(1.6 AS SIGNED), CAST('12abc' AS SIGNED), CAST(-1 AS UNSIGNED), CAST('3.14159' AS DECIMAL(5,2)), CAST(42 AS CHAR), CAST('abcdef' AS CHAR(3)), CAST('2024-02-29' AS DATE), CAST('2024-02-29 10:11:12' AS DATETIME), CAST(1 AS DOUBLE);
> CAST(1.6 AS SIGNED) CAST('12abc' AS SIGNED) CAST(-1 AS UNSIGNED) CAST('3.14159' AS DECIMAL(5,2)) CAST(42 AS CHAR) CAST('abcdef' AS CHAR(3)) CAST('2024-02-29' AS DATE) CAST('2024-02-29 10:11:12' AS DATETIME) CAST(1 AS DOUBLE)
> ------------------- ----------------------- -------------------- ------------------------------- ---------------- ------------------------- -------------------------- --------------------------------------- -----------------
> 2                   12                      18446744073709551615 3.14                            42               abc                       2024-02-29                 2024-02-29 10:11:12                     1
> rows: 1

SHOW WARNINGS;
> Level   Code Message
> ------- ---- -------------------------------------------
> Warning 1292 Truncated incorrect INTEGER value: '12abc'
> Warning 1292 Truncated incorrect CHAR(3) value: 'abcdef'
> rows: 2

SELECT CONVERT('7', SIGNED), CONVERT(CONVERT(2.5, CHAR), DECIMAL(4, 2)) AS nested, CONVERT('2024-01-31', DATE);
> CONVERT('7', SIGNED) nested CONVERT('2024-01-31', DATE)
> -------------------- ------ ---------------------------
> 7                    2.50   2024-01-31
> rows: 1

SET @converted = CONVERT('12', UNSIGNED);
> ok

SELECT @converted + 1;
> @converted + 1
> --------------
> 13
> rows: 1

SELECT CONVERT('text' USING utf8mb4), LENGTH('héllo'), CHAR_LENGTH('héllo'), UPPER('abc'), LOWER('ABC'), ABS(-3), ABS(-2.5), ISNULL(NULL);
> CONVERT('text' USING utf8mb4) LENGTH('héllo') CHAR_LENGTH('héllo') UPPER('abc') LOWER('ABC') ABS(-3) ABS(-2.5) ISNULL(NULL)
> ----------------------------- --------------- -------------------- ------------ ------------ ------- --------- ------------
> text                          6               5                    ABC          abc          3       2.5       1
> rows: 1

-- Failure: a malformed cast type
SELECT CAST(1 AS DECIMAL(x));
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'x' at line 1

-- Failure: MySQL built-ins that are not implemented yet say so
SELECT SOUNDEX('abc');
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'function SOUNDEX'

SELECT l2_distance('[1,2]', '[2,3]');
> l2_distance('[1,2]', '[2,3]')
> -----------------------------
> 1.4142135623730951
> rows: 1

-- Failure: an unknown function without a current database
SELECT no_such_function(1);
> exception ER_NO_DB_ERROR: No database selected

CREATE DATABASE qv_fn;
> update count: 1

USE qv_fn;
> ok

-- Failure: an unknown function is looked up as a stored function of the current database
SELECT no_such_function(1);
> exception ER_SP_DOES_NOT_EXIST: FUNCTION qv_fn.no_such_function does not exist

-- Failure: wrong argument count to a native function
SELECT CONCAT();
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'CONCAT'

SELECT DATABASE();
> DATABASE()
> ----------
> qv_fn
> rows: 1

DROP DATABASE qv_fn;
> ok

SELECT DATABASE();
> DATABASE()
> ----------
> null
> rows: 1
