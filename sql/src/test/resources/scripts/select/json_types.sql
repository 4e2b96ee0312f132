-- Covers: the JSON type (MySQL 8): a JSON column and JSON_EXTRACT/->/JSON_OBJECT/JSON_ARRAY/JSON_KEYS/CAST AS JSON values nest as JSON inside JSON_OBJECT and JSON_ARRAY (not as quoted strings); ->> and JSON_UNQUOTE stay text; JSON compares with a JSON column as JSON; CASE/IF/COALESCE/UNION of JSON and text; CAST(.. AS JSON) and its failures (3141, 3144)
-- MySQL 8, not MariaDB: MariaDB's JSON is LONGTEXT, so there JSON_OBJECT('m', metadata) quotes the column's text, and CAST AS JSON does not exist
CREATE DATABASE qv_json_types;
> update count: 1

USE qv_json_types;
> ok

CREATE TABLE docs (id INT PRIMARY KEY, metadata JSON, note VARCHAR(20));
> ok

INSERT INTO docs VALUES (1, '{"a": {"b": 1}, "tags": ["red", "blue"]}', 'x'), (2, '[1, 2]', 'y'), (3, NULL, NULL);
> update count: 3

SELECT id, JSON_OBJECT('m', metadata) AS o, JSON_ARRAY(metadata, note) AS a FROM docs ORDER BY id;
> id o                                               a
> -- ----------------------------------------------- -----------------------------------------------
> 1  {"m": {"a": {"b": 1}, "tags": ["red", "blue"]}} [{"a": {"b": 1}, "tags": ["red", "blue"]}, "x"]
> 2  {"m": [1, 2]}                                   [[1, 2], "y"]
> 3  {"m": null}                                     [null, null]
> rows: 3

SELECT JSON_ARRAY(JSON_EXTRACT(metadata, '$.a'), metadata->'$.tags', metadata->>'$.tags[0]', JSON_KEYS(metadata)) AS a FROM docs WHERE id = 1;
> a
> -------------------------------------------------
> [{"b": 1}, ["red", "blue"], "red", ["a", "tags"]]
> rows: 1

SELECT JSON_OBJECT('o', JSON_OBJECT('k', 1), 'a', JSON_ARRAY(1, 2), 's', '{"k": 1}', 'c', CAST('{"k": 1}' AS JSON)) AS o;
> o
> --------------------------------------------------------------
> {"a": [1, 2], "c": {"k": 1}, "o": {"k": 1}, "s": "{\"k\": 1}"}
> rows: 1

SELECT CAST('[1, "a", {"b": null}]' AS JSON) AS a, CAST(1 AS JSON) AS i, CAST(2.5 AS JSON) AS d, CAST('"s"' AS JSON) AS s, CAST((id = 1) AS JSON) AS t, CAST(NULL AS JSON) AS n, CAST(TRUE AS JSON) AS b FROM docs WHERE id = 1;
> a                     i d   s   t    n    b
> --------------------- - --- --- ---- ---- ----
> [1, "a", {"b": null}] 1 2.5 "s" true null true
> rows: 1

SELECT id FROM docs WHERE metadata = JSON_ARRAY(1, 2);
> id
> --
> 2
> rows: 1

SELECT id FROM docs WHERE JSON_OBJECT('b', 1) = metadata->'$.a';
> id
> --
> 1
> rows: 1

SELECT id, CASE WHEN id = 1 THEN metadata->'$.a' ELSE JSON_ARRAY() END AS c, IF(id = 2, metadata, NULL) AS i, COALESCE(metadata, JSON_OBJECT()) AS co FROM docs ORDER BY id;
> id c        i      co
> -- -------- ------ ----------------------------------------
> 1  {"b": 1} null   {"a": {"b": 1}, "tags": ["red", "blue"]}
> 2  []       [1, 2] [1, 2]
> 3  []       null   {}
> rows: 3

SELECT JSON_ARRAY(IF(id = 1, metadata->'$.a', 'text')) AS j, JSON_ARRAY(COALESCE(metadata, JSON_OBJECT())) AS k FROM docs ORDER BY id;
> j          k
> ---------- ------------------------------------------
> [{"b": 1}] [{"a": {"b": 1}, "tags": ["red", "blue"]}]
> ["text"]   [[1, 2]]
> ["text"]   [{}]
> rows: 3

SELECT metadata FROM docs WHERE id = 2 UNION ALL SELECT JSON_OBJECT('k', 1) UNION ALL SELECT 'plain';
> metadata
> --------
> [1, 2]
> {"k": 1}
> plain
> rows: 3

SELECT JSON_ARRAY((SELECT metadata FROM docs WHERE id = 2)) AS nested FROM docs WHERE id = 1;
> nested
> --------
> [[1, 2]]
> rows: 1

SELECT IF(id = 1, metadata->>'$.tags[1]', NULL) AS u FROM docs WHERE id = 1;
> u
> ----
> blue
> rows: 1

INSERT INTO docs VALUES (4, JSON_OBJECT('n', JSON_ARRAY(1)), 'w');
> update count: 1

UPDATE docs SET metadata = JSON_ARRAY(metadata, CAST('{"k": true}' AS JSON)) WHERE id = 4;
> update count: 1

SELECT metadata, JSON_TYPE(metadata) FROM docs WHERE id = 4;
> metadata                  JSON_TYPE(metadata)
> ------------------------- -------------------
> [{"n": [1]}, {"k": true}] ARRAY
> rows: 1

SELECT MAX(metadata->'$.a.b') AS m, MIN(JSON_TYPE(metadata->'$.tags')) AS t FROM docs WHERE id = 1;
> m t
> - -----
> 1 ARRAY
> rows: 1

-- a user variable has no JSON type: it keeps the JSON text, which nests as a string (as in MySQL)
SET @j = JSON_OBJECT('a', 1);
> ok

SELECT @j, JSON_EXTRACT(@j, '$.a'), JSON_ARRAY(@j);
> @j       JSON_EXTRACT(@j, '$.a') JSON_ARRAY(@j)
> -------- ----------------------- --------------
> {"a": 1} 1                       ["{\"a\": 1}"]
> rows: 1

-- Failure: CAST of text that is not JSON, and of a binary string
SELECT CAST('{"a": ' AS JSON);
> exception ER_INVALID_JSON_TEXT_IN_PARAM: Invalid JSON text in argument 1 to function cast_as_json: "Invalid value." at position 6.

SELECT CAST(CAST('{}' AS BINARY) AS JSON);
> exception ER_INVALID_JSON_CHARSET: Cannot create a JSON value from a string with CHARACTER SET 'binary'.

SELECT CAST('abc' AS JSON) FROM docs;
> exception ER_INVALID_JSON_TEXT_IN_PARAM: Invalid JSON text in argument 1 to function cast_as_json: "Invalid value." at position 0.

DROP DATABASE qv_json_types;
> ok
