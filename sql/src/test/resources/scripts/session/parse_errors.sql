-- Covers: ER_PARSE_ERROR with MySQL's text (the rest of the statement from the offending token, and its line),
-- ER_EMPTY_QUERY, comments and executable comments
SELECT 1 +;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

SELECT 1 FROM;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'FROM' at line 1

SELEC 1;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1

SELECT 'a' 'b' 'c';
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''c'' at line 1

SELECT 1,
  2 +
  FROM;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'FROM' at line 3

SET;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

SET @a;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

SHOW VARIABLES LIKE;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

START TRANSACTION READ SOMETIMES;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SOMETIMES' at line 1

KILL;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

USE;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

/* only a comment */;
> exception ER_EMPTY_QUERY: Query was empty

-- ordinary comments and hints are dropped, executable comments keep their content
SELECT /* inline */ 1 AS one -- trailing
;
> one
> ---
> 1
> rows: 1

SELECT /*+ MAX_EXECUTION_TIME(1000) */ 2 AS two;
> two
> ---
> 2
> rows: 1

SELECT /*!40101 3 AS three */;
> three
> -----
> 3
> rows: 1

SELECT 4 AS four /*!99999 , 5 AS future */;
> four
> ----
> 4
> rows: 1

/*!40101 SET @saved = 7 */;
> ok

SELECT @saved # hash comment
;
> @saved
> ------
> 7
> rows: 1

SELECT '-- not a comment', '/* nor this */', '#nor this';
> -- not a comment /* nor this */ #nor this
> ---------------- -------------- ---------
> -- not a comment /* nor this */ #nor this
> rows: 1
