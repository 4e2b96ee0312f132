-- Covers: comparisons, three-valued logic, IS, IN, BETWEEN, LIKE, CASE, IF, IFNULL, COALESCE, NULLIF
SELECT 1 = 1, 1 = 2, 1 <> 2, 1 != 1, 2 > 1, 2 >= 2, 1 < 2, 3 <= 2, NULL = NULL, NULL <=> NULL, 1 <=> NULL;
> 1 = 1 1 = 2 1 <> 2 1 != 1 2 > 1 2 >= 2 1 < 2 3 <= 2 NULL = NULL NULL <=> NULL 1 <=> NULL
> ----- ----- ------ ------ ----- ------ ----- ------ ----------- ------------- ----------
> 1     0     1      0      1     1      1     0      null        1             0
> rows: 1

SELECT 'a' = 'A', 'a' = 'a  ', 'b' > 'a', '10' = 10, '10' < 9, 1.0 = 1;
> 'a' = 'A' 'a' = 'a  ' 'b' > 'a' '10' = 10 '10' < 9 1.0 = 1
> --------- ----------- --------- --------- -------- -------
> 1         1           1         1         0        1
> rows: 1

SELECT 1 AND 1, 1 AND 0, 0 AND NULL, 1 AND NULL, 1 OR NULL, 0 OR NULL, NOT 1, NOT NULL, 1 XOR 1, 1 XOR 0, NULL XOR 1;
> 1 AND 1 1 AND 0 0 AND NULL 1 AND NULL 1 OR NULL 0 OR NULL NOT 1 NOT NULL 1 XOR 1 1 XOR 0 NULL XOR 1
> ------- ------- ---------- ---------- --------- --------- ----- -------- ------- ------- ----------
> 1       0       0          null       1         null      0     null     0       1       null
> rows: 1

SELECT 1 && 1, 0 || 1, !0;
> 1 && 1 0 || 1 !0
> ------ ------ --
> 1      1      1
> rows: 1

SELECT NULL IS NULL, 1 IS NULL, 1 IS NOT NULL, 1 IS TRUE, 0 IS FALSE, NULL IS NOT TRUE, NULL IS FALSE;
> NULL IS NULL 1 IS NULL 1 IS NOT NULL 1 IS TRUE 0 IS FALSE NULL IS NOT TRUE NULL IS FALSE
> ------------ --------- ------------- --------- ---------- ---------------- -------------
> 1            0         1             1         1          1                0
> rows: 1

SELECT 2 IN (1, 2), 3 IN (1, 2), 3 NOT IN (1, 2), 3 IN (1, NULL), NULL IN (1), 'B' IN ('a', 'b');
> 2 IN (1, 2) 3 IN (1, 2) 3 NOT IN (1, 2) 3 IN (1, NULL) NULL IN (1) 'B' IN ('a', 'b')
> ----------- ----------- --------------- -------------- ----------- -----------------
> 1           0           1               null           null        1
> rows: 1

SELECT 2 BETWEEN 1 AND 3, 5 BETWEEN 1 AND 3, 5 NOT BETWEEN 1 AND 3, NULL BETWEEN 1 AND 3, 'b' BETWEEN 'a' AND 'c';
> 2 BETWEEN 1 AND 3 5 BETWEEN 1 AND 3 5 NOT BETWEEN 1 AND 3 NULL BETWEEN 1 AND 3 'b' BETWEEN 'a' AND 'c'
> ----------------- ----------------- --------------------- -------------------- -----------------------
> 1                 0                 1                     null                 1
> rows: 1

SELECT 'abc' LIKE 'a%', 'abc' LIKE 'A_C', 'abc' LIKE 'b%', 'a%c' LIKE 'a\%c', 'abc' NOT LIKE '%d', 'a_c' LIKE 'a|_c' ESCAPE '|', NULL LIKE 'a';
> 'abc' LIKE 'a%' 'abc' LIKE 'A_C' 'abc' LIKE 'b%' 'a%c' LIKE 'a\%c' 'abc' NOT LIKE '%d' 'a_c' LIKE 'a|_c' ESCAPE '|' NULL LIKE 'a'
> --------------- ---------------- --------------- ----------------- ------------------- ---------------------------- -------------
> 1               1                0               1                 1                   1                            null
> rows: 1

SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END AS simple_case,
       CASE WHEN 1 > 2 THEN 'yes' END AS no_else,
       CASE WHEN NULL THEN 1 ELSE 0 END AS null_condition;
> simple_case no_else null_condition
> ----------- ------- --------------
> two         null    0
> rows: 1

SELECT IF(1 > 0, 'yes', 'no'), IF(NULL, 1, 2), IF(0, 1, 'b'), IFNULL(NULL, 'fallback'), IFNULL(1, 2), COALESCE(NULL, NULL, 3), COALESCE(NULL), NULLIF(1, 1), NULLIF(1, 2);
> IF(1 > 0, 'yes', 'no') IF(NULL, 1, 2) IF(0, 1, 'b') IFNULL(NULL, 'fallback') IFNULL(1, 2) COALESCE(NULL, NULL, 3) COALESCE(NULL) NULLIF(1, 1) NULLIF(1, 2)
> ---------------------- -------------- ------------- ------------------------ ------------ ----------------------- -------------- ------------ ------------
> yes                    2              b             fallback                 1            3                       null           null         1
> rows: 1

-- Failure: IF takes exactly three arguments
SELECT IF(1, 2);
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ')' at line 1

-- Failure: a row constructor where one value is expected
SELECT (1, 2) = 1;
> exception ER_OPERAND_COLUMNS: Operand should contain 1 column(s)
