-- Covers: FULLTEXT parsers at CREATE TABLE / CREATE FULLTEXT INDEX (unknown ones refused), MATCH ... AGAINST in natural-language and boolean mode through the engine's text search
CREATE DATABASE qv_fulltext;
> update count: 1

USE qv_fulltext;
> ok

CREATE TABLE bad (id INT PRIMARY KEY, d TEXT, FULLTEXT INDEX f (d) WITH PARSER jieba);
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'FULLTEXT parser jieba'

SHOW TABLES;
> Tables_in_qv_fulltext
> ---------------------
> rows: 0

CREATE TABLE docs (id INT PRIMARY KEY, d TEXT, FULLTEXT INDEX f (d) WITH PARSER space);
> ok

INSERT INTO docs VALUES (1, 'apple banana apple'), (2, 'banana cherry'), (3, 'Apple pie'), (4, NULL);
> update count: 4

CREATE FULLTEXT INDEX g ON docs (d) WITH PARSER nope;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'FULLTEXT parser nope'

SELECT id FROM docs WHERE MATCH(d) AGAINST ('APPLE' IN NATURAL LANGUAGE MODE);
> id
> --
> 1
> 3
> rows: 2

SELECT id FROM docs WHERE MATCH(d) AGAINST ('+banana -apple' IN BOOLEAN MODE);
> id
> --
> 2
> rows: 1

INSERT INTO docs VALUES (5, 'cherry');
> update count: 1

SELECT id FROM docs WHERE MATCH(d) AGAINST ('cherry' IN NATURAL LANGUAGE MODE);
> id
> --
> 5
> 2
> rows: 2

DROP DATABASE qv_fulltext;
> ok
