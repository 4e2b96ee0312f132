-- Covers: + - * / DIV % with MySQL's result types and NULL rules, division by zero, overflow
SELECT 1 + 2, 7 - 10, 6 * 7, 7 / 2, 1 / 3, 1.00 / 3, 7 DIV 2, -7 DIV 2, 7 % 3, -7 % 3;
> 1 + 2 7 - 10 6 * 7 7 / 2  1 / 3  1.00 / 3 7 DIV 2 -7 DIV 2 7 % 3 -7 % 3
> ----- ------ ----- ------ ------ -------- ------- -------- ----- ------
> 3     -3     42    3.5000 0.3333 0.333333 3       -3       1     -1
> rows: 1

SELECT 1.5 + 1, 2.25 * 2, 1e0 + 1, '3' + 4, '1.5' * 2, 5.5 % 2;
> 1.5 + 1 2.25 * 2 1e0 + 1 '3' + 4 '1.5' * 2 5.5 % 2
> ------- -------- ------- ------- --------- -------
> 2.5     4.50     2       7       3         1.5
> rows: 1

SELECT 1--1, --2, 3---1, 1 - -1;
> 1--1 --2 3---1 1 - -1
> ---- --- ----- ------
> 2    2   2     2
> rows: 1

SELECT NULL + 1, 1 - NULL, NULL * NULL, 1 / NULL, -(-5), - 2.5;
> NULL + 1 1 - NULL NULL * NULL 1 / NULL -(-5) - 2.5
> -------- -------- ----------- -------- ----- -----
> null     null     null        null     5     -2.5
> rows: 1

SELECT 1 / 0, 1 DIV 0, 1 % 0, 1.5 / 0;
> 1 / 0 1 DIV 0 1 % 0 1.5 / 0
> ----- ------- ----- -------
> null  null    null  null
> rows: 1
SHOW WARNINGS;
> Level   Code Message
> ------- ---- -------------
> Warning 1365 Division by 0
> Warning 1365 Division by 0
> Warning 1365 Division by 0
> Warning 1365 Division by 0
> rows: 4

SELECT 'abc' + 1;
> 'abc' + 1
> ---------
> 1
> rows: 1
SHOW WARNINGS;
> Level   Code Message
> ------- ---- ---------------------------------------
> Warning 1292 Truncated incorrect DOUBLE value: 'abc'
> rows: 1

SELECT 9223372036854775807 - 1, -9223372036854775808;
> 9223372036854775807 - 1 -9223372036854775808
> ----------------------- --------------------
> 9223372036854775806     -9223372036854775808
> rows: 1

-- Failure: BIGINT overflow is an error, not a wrap
SELECT 9223372036854775807 + 1;
> exception ER_DATA_OUT_OF_RANGE: BIGINT value is out of range in '(9223372036854775807 + 1)'

SELECT 4611686018427387904 * 2;
> exception ER_DATA_OUT_OF_RANGE: BIGINT value is out of range in '(4611686018427387904 * 2)'

SELECT 1e308 * 10;
> exception ER_DATA_OUT_OF_RANGE: DOUBLE value is out of range in '(1e308 * 10)'



-- MOD is the % operator; MOD(a, b) the function form
SELECT 7 MOD 3, -7 MOD 3, 7.5 MOD 2, 1 MOD 0, MOD(10, 4);
> 7 MOD 3 -7 MOD 3 7.5 MOD 2 1 MOD 0 MOD(10, 4)
> ------- -------- --------- ------- ----------
> 1       -1       1.5       null    2
> rows: 1

SELECT UNIX_TIMESTAMP('1970-01-02 00:00:00') - UNIX_TIMESTAMP('1970-01-01 00:00:00') AS one_day;
> one_day
> -------
> 86400
> rows: 1
