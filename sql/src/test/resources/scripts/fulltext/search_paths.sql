-- Covers: MATCH ... AGAINST (natural language and boolean mode) as a WHERE predicate through Table.textSearch, as a BM25 score in the select list and ORDER BY, inside OR (a membership test), in DELETE, and the errors
CREATE DATABASE qv_fulltext_paths;
> update count: 1

USE qv_fulltext_paths;
> ok

CREATE TABLE docs (_id VARBINARY(512) PRIMARY KEY NOT NULL, document STRING, title VARCHAR(100), metadata JSON,
    FULLTEXT INDEX idx_fts (document) WITH PARSER ik);
> ok

INSERT INTO docs VALUES
    (CAST('a' AS BINARY), 'Apple pie with cinnamon', 'pie', '{\"a\":1}'),
    (CAST('b' AS BINARY), 'Banana bread and banana split', 'bread', '{\"a\":2}'),
    (CAST('c' AS BINARY), 'Cherry pie', 'pie', '{\"a\":3}'),
    (CAST('d' AS BINARY), 'Durian is quoted as "pungent"', NULL, NULL),
    (CAST('e' AS BINARY), NULL, 'empty', NULL);
> update count: 5

SELECT _id FROM docs WHERE (MATCH(document) AGAINST ('banana' IN NATURAL LANGUAGE MODE));
> _id
> ---
> b
> rows: 1

SELECT _id FROM docs WHERE MATCH(document) AGAINST ('pie banana') ORDER BY _id;
> _id
> ---
> a
> b
> c
> rows: 3

SELECT _id, MATCH(document) AGAINST ('banana') > 0 AS relevant FROM docs ORDER BY MATCH(document) AGAINST ('banana') DESC, _id LIMIT 3;
> _id relevant
> --- --------
> b   1
> a   0
> c   0
> rows: 3

SELECT _id FROM docs WHERE MATCH(document) AGAINST ('+pie -cherry' IN BOOLEAN MODE);
> _id
> ---
> a
> rows: 1

SELECT _id FROM docs WHERE MATCH(document) AGAINST ('pie') AND title = 'pie' AND _id > CAST('a' AS BINARY);
> _id
> ---
> c
> rows: 1

SELECT _id FROM docs WHERE (MATCH(document) AGAINST ('durian' IN NATURAL LANGUAGE MODE) OR document LIKE 'Cherry%') ORDER BY _id;
> _id
> ---
> c
> d
> rows: 2

SELECT _id FROM docs WHERE NOT MATCH(document) AGAINST ('pie') ORDER BY _id;
> _id
> ---
> b
> d
> e
> rows: 3

-- the SDK's get with where and whereDocument, verbatim: MATCH inside OR is a membership test of one text search
SELECT _id, document, metadata FROM docs WHERE ((JSON_EXTRACT(metadata, '$.a') >= 1 AND JSON_EXTRACT(metadata, '$.a') NOT IN (3))) AND ((MATCH(document) AGAINST ('pie' IN NATURAL LANGUAGE MODE) OR document REGEXP '^b'));
> _id document                      metadata
> --- ----------------------------- --------
> a   Apple pie with cinnamon       {"a": 1}
> b   Banana bread and banana split {"a": 2}
> rows: 2

SELECT _id FROM docs WHERE (JSON_EXTRACT(metadata, '$.a') > 1) AND (MATCH(document) AGAINST ('pie' IN NATURAL LANGUAGE MODE));
> _id
> ---
> c
> rows: 1

SELECT COUNT(*) AS cnt FROM docs WHERE MATCH(document) AGAINST ('nothing matches this');
> cnt
> ---
> 0
> rows: 1

SHOW SESSION STATUS LIKE 'Quiver_rows_examined';
> Variable_name        Value
> -------------------- -----
> Quiver_rows_examined 32
> rows: 1

DELETE FROM docs WHERE (MATCH(document) AGAINST ('banana' IN NATURAL LANGUAGE MODE));
> update count: 1

SELECT _id FROM docs ORDER BY _id;
> _id
> ---
> a
> c
> d
> e
> rows: 4

-- Failure: no FULLTEXT index over exactly these columns
SELECT _id FROM docs WHERE MATCH(title) AGAINST ('pie');
> exception ER_FT_MATCHING_KEY_NOT_FOUND: Can't find FULLTEXT index matching the column list

SELECT _id FROM docs WHERE MATCH(document, title) AGAINST ('pie');
> exception ER_FT_MATCHING_KEY_NOT_FOUND: Can't find FULLTEXT index matching the column list

-- Failure: AGAINST takes a constant
SELECT _id FROM docs WHERE MATCH(document) AGAINST (title);
> exception ER_WRONG_ARGUMENTS: Incorrect arguments to AGAINST

SELECT _id FROM docs WHERE MATCH(document) AGAINST ('pie' WITH QUERY EXPANSION);
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'MATCH ... AGAINST WITH QUERY EXPANSION'

UPDATE docs SET title = 'x' WHERE MATCH(document) AGAINST ('pie');
> update count: 2

SELECT _id, title FROM docs ORDER BY _id;
> _id title
> --- -----
> a   x
> c   x
> d   null
> e   empty
> rows: 4

-- Failure: a MATCH in UPDATE's SET is not a search the statement runs
UPDATE docs SET title = MATCH(document) AGAINST ('pie');
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'MATCH ... AGAINST here (it reads a table of a SELECT, or the WHERE of UPDATE or DELETE)'

SELECT MATCH(document) AGAINST ('pie');
> exception ER_BAD_FIELD_ERROR: Unknown column 'document' in 'field list'

SELECT _id FROM docs WHERE MATCH(nope) AGAINST ('pie');
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'where clause'

DROP DATABASE qv_fulltext_paths;
> ok
