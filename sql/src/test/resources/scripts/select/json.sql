-- Covers: JSON_EXTRACT, -> and ->>, JSON_UNQUOTE, JSON_CONTAINS, JSON_OBJECT, JSON_ARRAY, JSON_KEYS, JSON_LENGTH, JSON_TYPE, JSON_VALID; MySQL 8's comparison rules (a missing path is NULL, JSON true equals TRUE, strings compare exactly) and output format; the seekdb SDK's metadata filters over a JSON column; malformed JSON (3141) and paths (3143)
-- MySQL 8, not MariaDB: JSON strings compare exactly ('A' <> 'a', "5" <> 5), objects print with sorted keys (length first), ->/->> exist, JSON_CONTAINS on a missing path is NULL
SELECT JSON_EXTRACT('{"a": {"b": 2}, "c": [1, 2, 3]}', '$.a'), JSON_EXTRACT('{"a": {"b": 2}}', '$.a.b'), JSON_EXTRACT('{"c": [1, 2, 3]}', '$.c[1]'), JSON_EXTRACT('{"a": 1}', '$.missing'), JSON_EXTRACT('{"a": 1, "b": 2}', '$.a', '$.b');
> JSON_EXTRACT('{"a": {"b": 2}, "c": [1, 2, 3]}', '$.a') JSON_EXTRACT('{"a": {"b": 2}}', '$.a.b') JSON_EXTRACT('{"c": [1, 2, 3]}', '$.c[1]') JSON_EXTRACT('{"a": 1}', '$.missing') JSON_EXTRACT('{"a": 1, "b": 2}', '$.a', '$.b')
> ------------------------------------------------------ ---------------------------------------- ------------------------------------------ ------------------------------------- ----------------------------------------------
> {"b": 2}                                               2                                        2                                          null                                  [1, 2]
> rows: 1

SELECT JSON_UNQUOTE(JSON_EXTRACT('{"s": "x\\ty"}', '$.s')), JSON_EXTRACT('{"s": "x"}', '$.s'), JSON_UNQUOTE('"abc"'), JSON_UNQUOTE('abc');
> JSON_UNQUOTE(JSON_EXTRACT('{"s": "x\\ty"}', '$.s')) JSON_EXTRACT('{"s": "x"}', '$.s') JSON_UNQUOTE('"abc"') JSON_UNQUOTE('abc')
> --------------------------------------------------- --------------------------------- --------------------- -------------------
> x\ty                                                "x"                               abc                   abc
> rows: 1

SELECT JSON_OBJECT('id', 87, 'name', 'carrot', 'ok', TRUE, 'none', NULL), JSON_ARRAY(1, 'abc', NULL, TRUE, 2.5), JSON_OBJECT(), JSON_ARRAY();
> JSON_OBJECT('id', 87, 'name', 'carrot', 'ok', TRUE, 'none', NULL) JSON_ARRAY(1, 'abc', NULL, TRUE, 2.5) JSON_OBJECT() JSON_ARRAY()
> ----------------------------------------------------------------- ------------------------------------- ------------- ------------
> {"id": 87, "ok": true, "name": "carrot", "none": null}            [1, "abc", null, true, 2.5]           {}            []
> rows: 1

SELECT JSON_KEYS('{"b": 1, "a": 2, "aa": 3}'), JSON_KEYS('[1]'), JSON_LENGTH('[1, 2, {"a": 3}]'), JSON_LENGTH('{"a": 1, "b": {"c": 2}}', '$.b'), JSON_LENGTH('7'), JSON_TYPE('[1]'), JSON_TYPE('"s"'), JSON_TYPE('1.5'), JSON_VALID('{"a": 1}'), JSON_VALID('{a}');
> JSON_KEYS('{"b": 1, "a": 2, "aa": 3}') JSON_KEYS('[1]') JSON_LENGTH('[1, 2, {"a": 3}]') JSON_LENGTH('{"a": 1, "b": {"c": 2}}', '$.b') JSON_LENGTH('7') JSON_TYPE('[1]') JSON_TYPE('"s"') JSON_TYPE('1.5') JSON_VALID('{"a": 1}') JSON_VALID('{a}')
> -------------------------------------- ---------------- ------------------------------- --------------------------------------------- ---------------- ---------------- ---------------- ---------------- ---------------------- -----------------
> ["a", "b", "aa"]                       null             3                               1                                             1                ARRAY            STRING           DOUBLE           1                      0
> rows: 1

SELECT JSON_CONTAINS('{"a": 1, "b": 2, "c": {"d": 4}}', '1', '$.a'), JSON_CONTAINS('{"a": 1, "b": 2}', '{"a": 1}'), JSON_CONTAINS('[1, 2, [3, 4]]', '[1, 3]'), JSON_CONTAINS('[1, 2]', '3'), JSON_CONTAINS('{"a": 1}', '1', '$.x');
> JSON_CONTAINS('{"a": 1, "b": 2, "c": {"d": 4}}', '1', '$.a') JSON_CONTAINS('{"a": 1, "b": 2}', '{"a": 1}') JSON_CONTAINS('[1, 2, [3, 4]]', '[1, 3]') JSON_CONTAINS('[1, 2]', '3') JSON_CONTAINS('{"a": 1}', '1', '$.x')
> ------------------------------------------------------------ --------------------------------------------- ----------------------------------------- ---------------------------- -------------------------------------
> 1                                                            1                                             1                                         0                            null
> rows: 1

SELECT JSON_EXTRACT('{"t": true}', '$.t') = TRUE, JSON_EXTRACT('{"t": false}', '$.t') = FALSE, JSON_EXTRACT('{"n": 1}', '$.n') = 1, JSON_EXTRACT('{"n": 1.0}', '$.n') = 1, JSON_EXTRACT('{"s": "A"}', '$.s') = 'a', JSON_EXTRACT('{"s": "5"}', '$.s') = 5, JSON_EXTRACT('{}', '$.x') = 1;
> JSON_EXTRACT('{"t": true}', '$.t') = TRUE JSON_EXTRACT('{"t": false}', '$.t') = FALSE JSON_EXTRACT('{"n": 1}', '$.n') = 1 JSON_EXTRACT('{"n": 1.0}', '$.n') = 1 JSON_EXTRACT('{"s": "A"}', '$.s') = 'a' JSON_EXTRACT('{"s": "5"}', '$.s') = 5 JSON_EXTRACT('{}', '$.x') = 1
> ----------------------------------------- ------------------------------------------- ----------------------------------- ------------------------------------- --------------------------------------- ------------------------------------- -----------------------------
> 1                                         1                                           1                                   1                                     0                                       0                                     null
> rows: 1

CREATE DATABASE qv_json;
> update count: 1

USE qv_json;
> ok

CREATE TABLE docs (id INT PRIMARY KEY, document TEXT, metadata JSON);
> ok

INSERT INTO docs VALUES (1, 'banana split', '{"a": {"b": 2}, "t": "x", "flag": true}'), (2, 'apple', '{"a": {"b": 0}, "t": "z"}'), (3, 'berry', '{"t": "y", "tags": ["red", "blue"]}'), (4, 'cherry', NULL);
> update count: 4

SELECT id, metadata->'$.a.b' AS b, metadata->>'$.t' AS t, JSON_EXTRACT(metadata, '$.tags[0]') AS tag FROM docs ORDER BY id;
> id b    t    tag
> -- ---- ---- -----
> 1  2    x    null
> 2  0    z    null
> 3  null y    "red"
> 4  null null null
> rows: 4

SELECT id FROM docs WHERE JSON_EXTRACT(metadata, '$.a.b') >= 1 AND JSON_EXTRACT(metadata, '$.t') NOT IN ('z') ORDER BY id;
> id
> --
> 1
> rows: 1

SELECT id FROM docs WHERE JSON_EXTRACT(metadata, '$.t') IN ('x', 'y') ORDER BY id;
> id
> --
> 1
> 3
> rows: 2

SELECT id FROM docs WHERE JSON_EXTRACT(metadata, '$.flag') = TRUE;
> id
> --
> 1
> rows: 1

SELECT id FROM docs WHERE document REGEXP '^b' ORDER BY id;
> id
> --
> 1
> 3
> rows: 2

SELECT id FROM docs WHERE JSON_CONTAINS(metadata, '"red"', '$.tags');
> id
> --
> 3
> rows: 1

SELECT metadata->>'$.t' AS t, COUNT(*) FROM docs GROUP BY t ORDER BY t;
> t    COUNT(*)
> ---- --------
> null 1
> x    1
> y    1
> z    1
> rows: 4

-- A JSON column compared with a non-JSON value compares as JSON (MySQL 8): a string literal is a JSON string, a number
-- a JSON number; an object needs CAST(... AS JSON). MariaDB compares the column's text instead.
CREATE TABLE tags (id INT PRIMARY KEY, v JSON);
> ok

INSERT INTO tags VALUES (1, '"red"'), (2, '7'), (3, '{"a": 1}'), (4, 'true'), (5, '"7"'), (6, NULL);
> update count: 6

SELECT id FROM tags WHERE v = 'red';
> id
> --
> 1
> rows: 1

SELECT id FROM tags WHERE v = 7 ORDER BY id;
> id
> --
> 2
> rows: 1

SELECT id FROM tags WHERE v = '7' ORDER BY id;
> id
> --
> 5
> rows: 1

SELECT id FROM tags WHERE v = '{"a": 1}';
> id
> --
> rows: 0

SELECT id FROM tags WHERE v = CAST('{"a": 1}' AS JSON);
> id
> --
> 3
> rows: 1

SELECT id FROM tags WHERE v = TRUE;
> id
> --
> 4
> rows: 1

SELECT id FROM tags WHERE v IN ('red', 7) ORDER BY id;
> id
> --
> 1
> 2
> rows: 2

SELECT id FROM tags WHERE v <> 'red' ORDER BY id;
> id
> --
> 2
> 3
> 4
> 5
> rows: 4

SELECT a.id, b.id FROM tags a JOIN tags b ON a.v = b.v AND a.id < b.id;
> id id
> -- --
> rows: 0

-- Failure: malformed JSON text and path
SELECT JSON_EXTRACT('{"a": ', '$.a');
> exception ER_INVALID_JSON_TEXT_IN_PARAM: Invalid JSON text in argument 1 to function json_extract: "Invalid value." at position 6.

SELECT JSON_EXTRACT('{"a": 1}', 'a');
> exception ER_INVALID_JSON_PATH: Invalid JSON path expression. The error is around character position 0.

SELECT JSON_OBJECT('a');
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'JSON_OBJECT'

DROP DATABASE qv_json;
> ok
