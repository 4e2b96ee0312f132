-- Covers: MATCH ... AGAINST as the text-search access path of a SELECT plan: in inner and left joins, with GROUP BY, aggregates, HAVING and DISTINCT over the rows it found, in IN/EXISTS/scalar subqueries, in UPDATE and DELETE with ORDER BY and LIMIT, the rows examined, and the shapes that are still refused
CREATE DATABASE qv_fulltext_plans;
> update count: 1

USE qv_fulltext_plans;
> ok

CREATE TABLE docs (id INT PRIMARY KEY, category VARCHAR(20), body TEXT, FULLTEXT INDEX ft (body) WITH PARSER space);
> ok

CREATE TABLE tags (doc_id INT, tag VARCHAR(20), PRIMARY KEY (doc_id, tag));
> ok

CREATE TABLE plain (id INT PRIMARY KEY, note TEXT);
> ok

INSERT INTO docs VALUES (1, 'fruit', 'apple pie'), (2, 'fruit', 'banana bread'), (3, 'fruit', 'apple crumble'), (4, 'veg', 'carrot cake'), (5, 'veg', 'apple and carrot soup'), (6, NULL, 'plain water');
> update count: 6

INSERT INTO tags VALUES (1, 'sweet'), (1, 'baked'), (3, 'sweet'), (4, 'baked'), (5, 'hot'), (6, 'cold');
> update count: 6

INSERT INTO plain VALUES (1, 'apple'), (2, 'pear');
> update count: 2

-- inner join: the MATCH drives docs' access, tags join to the rows it found
SELECT d.id, t.tag FROM docs d JOIN tags t ON t.doc_id = d.id WHERE MATCH(d.body) AGAINST ('apple') ORDER BY d.id, t.tag;
> id tag
> -- -----
> 1  baked
> 1  sweet
> 3  sweet
> 5  hot
> rows: 4

SELECT d.id, t.tag FROM tags t JOIN docs d ON t.doc_id = d.id AND MATCH(d.body) AGAINST ('carrot') ORDER BY d.id, t.tag;
> id tag
> -- -----
> 4  baked
> 5  hot
> rows: 2

SELECT d.id, t.tag FROM docs d, tags t WHERE t.doc_id = d.id AND MATCH(d.body) AGAINST ('apple') AND t.tag = 'sweet' ORDER BY d.id;
> id tag
> -- -----
> 1  sweet
> 3  sweet
> rows: 2

-- left join: unmatched docs keep a NULL tag
SELECT d.id, t.tag FROM docs d LEFT JOIN tags t ON t.doc_id = d.id AND t.tag = 'hot' WHERE MATCH(d.body) AGAINST ('apple') ORDER BY d.id;
> id tag
> -- ----
> 1  null
> 3  null
> 5  hot
> rows: 3

-- the MATCH on the inner side of a LEFT JOIN filters after the join (a membership test)
SELECT t.doc_id, t.tag FROM tags t LEFT JOIN docs d ON t.doc_id = d.id WHERE MATCH(d.body) AGAINST ('carrot') ORDER BY t.doc_id, t.tag;
> doc_id tag
> ------ -----
> 4      baked
> 5      hot
> rows: 2

-- the score in the select list and ORDER BY of a join
SELECT d.id, MATCH(d.body) AGAINST ('apple') > 0 AS relevant FROM docs d JOIN tags t ON t.doc_id = d.id WHERE t.tag = 'baked' ORDER BY d.id;
> id relevant
> -- --------
> 1  1
> 4  0
> rows: 2

-- GROUP BY and aggregates over the rows the search found
SELECT category, COUNT(*) AS n FROM docs WHERE MATCH(body) AGAINST ('apple') GROUP BY category ORDER BY category;
> category n
> -------- -
> fruit    2
> veg      1
> rows: 2

SELECT COUNT(*) AS n, MIN(id) AS first, MAX(id) AS last, SUM(id) AS total FROM docs WHERE MATCH(body) AGAINST ('apple carrot');
> n first last total
> - ----- ---- -----
> 4 1     5    13
> rows: 1

SELECT COUNT(*) AS n, SUM(MATCH(body) AGAINST ('apple') > 0) AS apples FROM docs WHERE MATCH(body) AGAINST ('carrot');
> n apples
> - ------
> 2 1
> rows: 1

SELECT category, COUNT(*) AS n FROM docs WHERE MATCH(body) AGAINST ('apple carrot') GROUP BY category HAVING COUNT(*) > 1 ORDER BY category;
> category n
> -------- -
> fruit    2
> veg      2
> rows: 2

SELECT DISTINCT category FROM docs WHERE MATCH(body) AGAINST ('apple') ORDER BY category;
> category
> --------
> fruit
> veg
> rows: 2

SELECT t.tag, COUNT(*) AS n FROM docs d JOIN tags t ON t.doc_id = d.id WHERE MATCH(d.body) AGAINST ('apple carrot') GROUP BY t.tag ORDER BY t.tag;
> tag   n
> ----- -
> baked 2
> hot   1
> sweet 2
> rows: 3

SELECT category, COUNT(*) AS n FROM docs WHERE MATCH(body) AGAINST ('apple' IN BOOLEAN MODE) OR category = 'veg' GROUP BY category ORDER BY category;
> category n
> -------- -
> fruit    2
> veg      2
> rows: 2

-- subqueries: the search runs in the subquery's own plan
SELECT tag FROM tags WHERE doc_id IN (SELECT id FROM docs WHERE MATCH(body) AGAINST ('apple')) ORDER BY tag, doc_id;
> tag
> -----
> baked
> hot
> sweet
> sweet
> rows: 4

SELECT id FROM docs d WHERE MATCH(body) AGAINST ('apple') AND EXISTS (SELECT 1 FROM tags t WHERE t.doc_id = d.id AND t.tag = 'sweet') ORDER BY id;
> id
> --
> 1
> 3
> rows: 2

SELECT id, (SELECT COUNT(*) FROM docs WHERE MATCH(body) AGAINST ('carrot')) AS carrots FROM plain ORDER BY id;
> id carrots
> -- -------
> 1  2
> 2  2
> rows: 2

SELECT p.id FROM plain p WHERE p.id IN (SELECT id FROM docs WHERE MATCH(body) AGAINST ('+apple -crumble' IN BOOLEAN MODE)) ORDER BY p.id;
> id
> --
> 1
> rows: 1

-- rows examined: the text search reads only the rows it finds, the join reads tags once
SHOW SESSION STATUS LIKE 'Quiver_rows_examined';
> Variable_name        Value
> -------------------- -----
> Quiver_rows_examined 115
> rows: 1

SELECT d.id, t.tag FROM docs d JOIN tags t ON t.doc_id = d.id WHERE MATCH(d.body) AGAINST ('banana');
> id tag
> -- ---
> rows: 0

SHOW SESSION STATUS LIKE 'Quiver_rows_examined';
> Variable_name        Value
> -------------------- -----
> Quiver_rows_examined 122
> rows: 1

SELECT category, COUNT(*) AS n FROM docs WHERE MATCH(body) AGAINST ('banana') GROUP BY category;
> category n
> -------- -
> fruit    1
> rows: 1

SHOW SESSION STATUS LIKE 'Quiver_rows_examined';
> Variable_name        Value
> -------------------- -----
> Quiver_rows_examined 123
> rows: 1

-- UPDATE and DELETE with MATCH: the rows come from the text search, ORDER BY and LIMIT apply to them
UPDATE docs SET category = 'apple' WHERE MATCH(body) AGAINST ('apple') ORDER BY id DESC LIMIT 2;
> update count: 2

SELECT id, category FROM docs ORDER BY id;
> id category
> -- --------
> 1  fruit
> 2  fruit
> 3  apple
> 4  veg
> 5  apple
> 6  null
> rows: 6

UPDATE docs SET category = 'none' WHERE MATCH(body) AGAINST ('nothing here');
> ok

DELETE FROM docs WHERE MATCH(body) AGAINST ('carrot') AND category = 'veg' ORDER BY id LIMIT 1;
> update count: 1

SELECT id FROM docs ORDER BY id;
> id
> --
> 1
> 2
> 3
> 5
> 6
> rows: 5

-- Failure: MATCH over the columns of two tables
SELECT d.id FROM docs d JOIN plain p ON p.id = d.id WHERE MATCH(d.body, p.note) AGAINST ('apple');
> exception ER_WRONG_ARGUMENTS: Incorrect arguments to MATCH

-- Failure: a joined table without a FULLTEXT index over the MATCH columns
SELECT d.id FROM docs d JOIN plain p ON p.id = d.id WHERE MATCH(p.note) AGAINST ('apple');
> exception ER_FT_MATCHING_KEY_NOT_FOUND: Can't find FULLTEXT index matching the column list

-- Failure: a MATCH in a subquery over the enclosing query's table is not searched
SELECT id FROM docs d WHERE EXISTS (SELECT 1 FROM tags t WHERE t.doc_id = d.id AND MATCH(d.body) AGAINST ('apple'));
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'MATCH ... AGAINST here (it reads a table of a SELECT, or the WHERE of UPDATE or DELETE)'

-- Failure: UPDATE ... SET with a MATCH value
UPDATE docs SET category = MATCH(body) AGAINST ('apple') WHERE id = 1;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'MATCH ... AGAINST here (it reads a table of a SELECT, or the WHERE of UPDATE or DELETE)'

DROP DATABASE qv_fulltext_plans;
> ok
