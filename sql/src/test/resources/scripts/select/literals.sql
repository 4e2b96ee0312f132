-- Covers: literals of every kind, their values and MySQL's column names (the text as written; aliases win)
SELECT 1, 1.5, 1e3, 'abc', NULL, TRUE, FALSE;
> 1 1.5 1e3  abc NULL TRUE FALSE
> - --- ---- --- ---- ---- -----
> 1 1.5 1000 abc null 1    0
> rows: 1

SELECT -1, 0.50, .5, 1.5e-3, 18446744073709551615, 99999999999999999999999;
> -1 0.50 .5  1.5e-3 18446744073709551615 99999999999999999999999
> -- ---- --- ------ -------------------- -----------------------
> -1 0.50 0.5 0.0015 18446744073709551615 99999999999999999999999
> rows: 1

SELECT 'it''s', 'a\'b', "dq", 'tab\there', 'back\\slash', 'percent\%';
> it's a'b dq tab\there back\slash percent\%
> ---- --- -- --------- ---------- ---------
> it's a'b dq tab\there back\slash percent\%
> rows: 1

SELECT 0x41, X'4142', x'', _binary'raw', b'1000001';
> 0x41 X'4142' x'' raw b'1000001'
> ---- ------- --- --- ----------
> A    AB          raw A
> rows: 1

SELECT 1 + 1, 1+1, 2 * (3 + 4) AS seven, 'x' AS `quoted alias`, 3 'string alias', 4 AS "double";
> 1 + 1 1+1 seven quoted alias string alias double
> ----- --- ----- ------------ ------------ ------
> 2     2   14    x            3            4
> rows: 1

SELECT 'multi' AS a, 'column' b;
> a     b
> ----- ------
> multi column
> rows: 1

-- adjacent string literals are one string
SELECT 'con' 'cat', 1 'one';
> con    one
> ------ ---
> concat 1
> rows: 1

-- Failure: an odd number of hex digits in X'' is a syntax error
SELECT X'414';
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'X'414'' at line 1

-- Failure: a column without a table
SELECT nope;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

-- doubles print like MySQL: shortest digits, exponent form from 1e15 up and below 1e-15
SELECT 1e15, 1e14, 1.5e-5, 1e-7, 123456789012345678e0, 0.1e0 + 0.2e0, 1 / 3e0, -1e20, 100e0, 1e-16, 1.2345e-12;
> 1e15 1e14            1.5e-5   1e-7      123456789012345678e0  0.1e0 + 0.2e0       1 / 3e0            -1e20 100e0 1e-16 1.2345e-12
> ---- --------------- -------- --------- --------------------- ------------------- ------------------ ----- ----- ----- ------------------
> 1e15 100000000000000 0.000015 0.0000001 1.2345678901234568e17 0.30000000000000004 0.3333333333333333 -1e20 100   1e-16 0.0000000000012345
> rows: 1

-- generated column names are cut to 256 characters (MySQL's MAX_ALIAS_NAME), the value is whole
SELECT LENGTH('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') AS n, CHAR_LENGTH('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
> n   CHAR_LENGTH('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
> --- ----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> 300 300
> rows: 1
