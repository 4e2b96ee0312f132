-- Covers: SUBSTRING/SUBSTR/MID, LEFT, RIGHT, TRIM (BOTH/LEADING/TRAILING), LTRIM, RTRIM, REPLACE, LOCATE, INSTR, LPAD, RPAD, REPEAT, REVERSE, STRCMP, HEX, CONCAT_WS, COALESCE, IFNULL, NULLIF, IF, CASE, REGEXP / NOT REGEXP / REGEXP_LIKE; wrong argument counts (1582) and bad patterns (3685)
SELECT SUBSTRING('quadratically', 5), SUBSTRING('quadratically', 5, 6), SUBSTR('Sakila', -3), MID('Sakila', -5, 3), SUBSTRING('abc', 0), SUBSTRING('abc', 2, -1), SUBSTRING('héllo', 2, 2);
> SUBSTRING('quadratically', 5) SUBSTRING('quadratically', 5, 6) SUBSTR('Sakila', -3) MID('Sakila', -5, 3) SUBSTRING('abc', 0) SUBSTRING('abc', 2, -1) SUBSTRING('héllo', 2, 2)
> ----------------------------- -------------------------------- -------------------- -------------------- ------------------- ----------------------- ------------------------
> ratically                     ratica                           ila                  aki                                                              él
> rows: 1

SELECT LEFT('foobarbar', 5), RIGHT('foobarbar', 4), LEFT('abc', 10), RIGHT('abc', 0), LEFT(NULL, 1);
> LEFT('foobarbar', 5) RIGHT('foobarbar', 4) LEFT('abc', 10) RIGHT('abc', 0) LEFT(NULL, 1)
> -------------------- --------------------- --------------- --------------- -------------
> fooba                rbar                  abc                             null
> rows: 1

SELECT TRIM('  bar   '), TRIM(LEADING 'x' FROM 'xxxbarxxx'), TRIM(BOTH 'x' FROM 'xxxbarxxx'), TRIM(TRAILING 'xyz' FROM 'barxxyz'), LTRIM('  a '), RTRIM(' a  ');
> TRIM('  bar   ') TRIM(LEADING 'x' FROM 'xxxbarxxx') TRIM(BOTH 'x' FROM 'xxxbarxxx') TRIM(TRAILING 'xyz' FROM 'barxxyz') LTRIM('  a ') RTRIM(' a  ')
> ---------------- ---------------------------------- ------------------------------- ----------------------------------- ------------- -------------
> bar              barxxx                             bar                             barx                                a              a
> rows: 1

SELECT REPLACE('www.mysql.com', 'w', 'Ww'), LOCATE('bar', 'foobarbar'), LOCATE('xbar', 'foobar'), LOCATE('bar', 'foobarbar', 5), LOCATE('BAR', 'foobar'), INSTR('foobarbar', 'bar');
> REPLACE('www.mysql.com', 'w', 'Ww') LOCATE('bar', 'foobarbar') LOCATE('xbar', 'foobar') LOCATE('bar', 'foobarbar', 5) LOCATE('BAR', 'foobar') INSTR('foobarbar', 'bar')
> ----------------------------------- -------------------------- ------------------------ ----------------------------- ----------------------- -------------------------
> WwWwWw.mysql.com                    4                          0                        7                             4                       4
> rows: 1

SELECT LPAD('hi', 4, '??'), LPAD('hi', 1, '??'), RPAD('hi', 5, 'ab'), LPAD('hi', 4, ''), REPEAT('ab', 3), REVERSE('abc'), STRCMP('text', 'text2'), STRCMP('a', 'A');
> LPAD('hi', 4, '??') LPAD('hi', 1, '??') RPAD('hi', 5, 'ab') LPAD('hi', 4, '') REPEAT('ab', 3) REVERSE('abc') STRCMP('text', 'text2') STRCMP('a', 'A')
> ------------------- ------------------- ------------------- ----------------- --------------- -------------- ----------------------- ----------------
> ??hi                h                   hiaba               null              ababab          cba            -1                      0
> rows: 1

SELECT HEX(255), HEX('abc'), HEX(-1), CONCAT_WS(',', 'First name', NULL, 'Last Name');
> HEX(255) HEX('abc') HEX(-1)          CONCAT_WS(',', 'First name', NULL, 'Last Name')
> -------- ---------- ---------------- -----------------------------------------------
> FF       616263     FFFFFFFFFFFFFFFF First name,Last Name
> rows: 1

SELECT COALESCE(NULL, 1), COALESCE(NULL, NULL), IFNULL(NULL, 'x'), NULLIF(1, 1), NULLIF(1, 2), IF(1 > 2, 'yes', 'no'), CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'more' END, CASE WHEN 1 > 2 THEN 'a' END;
> COALESCE(NULL, 1) COALESCE(NULL, NULL) IFNULL(NULL, 'x') NULLIF(1, 1) NULLIF(1, 2) IF(1 > 2, 'yes', 'no') CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'more' END CASE WHEN 1 > 2 THEN 'a' END
> ----------------- -------------------- ----------------- ------------ ------------ ---------------------- ---------------------------------------------------------- ----------------------------
> 1                 null                 x                 null         1            no                     two                                                        null
> rows: 1

SELECT 'banana' REGEXP '^b', 'banana' NOT REGEXP '^b', 'Banana' REGEXP '^b', REGEXP_LIKE('Banana', '^b', 'c'), 'abc' RLIKE 'b.', NULL REGEXP 'a';
> 'banana' REGEXP '^b' 'banana' NOT REGEXP '^b' 'Banana' REGEXP '^b' REGEXP_LIKE('Banana', '^b', 'c') 'abc' RLIKE 'b.' NULL REGEXP 'a'
> -------------------- ------------------------ -------------------- -------------------------------- ---------------- ---------------
> 1                    0                        1                    0                                1                null
> rows: 1

-- Failure: wrong argument counts
SELECT SUBSTRING('abc');
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ')' at line 1

SELECT LPAD('a', 2);
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'LPAD'

-- Failure: a malformed regular expression
SELECT 'a' REGEXP '(';
> exception ER_REGEXP_ILLEGAL_ARGUMENT: Illegal argument to a regular expression.
