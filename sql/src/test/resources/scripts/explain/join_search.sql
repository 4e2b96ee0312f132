-- Covers: EXPLAIN of index searches inside joins and subqueries: the VECTOR index of an APPROXIMATE top-k (rows: the LIMIT + OFFSET window), the FULLTEXT index of a MATCH, each joined to the other tables by their keys or a join buffer
CREATE DATABASE qv_explain_join_search;
> update count: 1

USE qv_explain_join_search;
> ok

CREATE TABLE items (id INT PRIMARY KEY, cat INT, body TEXT, embedding VECTOR(2),
    FULLTEXT INDEX ft (body) WITH PARSER space,
    VECTOR INDEX vi (embedding) WITH (distance=l2, type=hnsw, lib=vsag));
> ok

CREATE TABLE cats (id INT PRIMARY KEY, name VARCHAR(20));
> ok

INSERT INTO items VALUES (1, 1, 'red apple', '[0,0]'), (2, 1, 'green apple', '[1,0]'), (3, 2, 'red car', '[2,0]'), (4, 2, 'blue car', '[3,0]');
> update count: 4

INSERT INTO cats VALUES (1, 'fruit'), (2, 'vehicle');
> update count: 2

EXPLAIN SELECT i.id, c.name FROM items i JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[0,0]') APPROXIMATE LIMIT 2 OFFSET 1;
> id select_type table partitions type   possible_keys key     key_len ref                          rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ------- ------- ---------------------------- ---- -------- -----------------------------------------
> 1  SIMPLE      i     null       vector vi            vi      null    const                        3    100.00   Using vector index (approximate l2 top-k)
> 1  SIMPLE      c     null       eq_ref PRIMARY       PRIMARY 4       qv_explain_join_search.i.cat 1    100.00   null
> rows: 2

EXPLAIN SELECT c.name, i.id FROM cats c JOIN items i ON c.id = i.cat WHERE MATCH(i.body) AGAINST ('red');
> id select_type table partitions type     possible_keys key  key_len ref   rows filtered Extra
> -- ----------- ----- ---------- -------- ------------- ---- ------- ----- ---- -------- ------------------------------------------
> 1  SIMPLE      c     null       ALL      null          null null    null  2    100.00   null
> 1  SIMPLE      i     null       fulltext ft            ft   0       const 1    100.00   Using where; Using join buffer (hash join)
> rows: 2

EXPLAIN SELECT c.name FROM cats c WHERE c.id IN (SELECT cat FROM items WHERE MATCH(body) AGAINST ('car'));
> id select_type table partitions type     possible_keys key  key_len ref   rows filtered Extra
> -- ----------- ----- ---------- -------- ------------- ---- ------- ----- ---- -------- -----------
> 1  PRIMARY     c     null       ALL      null          null null    null  2    100.00   Using where
> 2  SUBQUERY    items null       fulltext ft            ft   0       const 1    100.00   Using where
> rows: 2

EXPLAIN SELECT i.cat, COUNT(*) FROM items i JOIN cats c ON c.id = i.cat WHERE MATCH(i.body) AGAINST ('red') GROUP BY i.cat;
> id select_type table partitions type     possible_keys key     key_len ref                          rows filtered Extra
> -- ----------- ----- ---------- -------- ------------- ------- ------- ---------------------------- ---- -------- ----------------------------
> 1  SIMPLE      i     null       fulltext ft            ft      0       const                        1    100.00   Using temporary; Using where
> 1  SIMPLE      c     null       eq_ref   PRIMARY       PRIMARY 4       qv_explain_join_search.i.cat 1    100.00   null
> rows: 2

-- an exact top-k (no APPROXIMATE) reads the table
EXPLAIN SELECT i.id FROM items i JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[0,0]') LIMIT 2;
> id select_type table partitions type   possible_keys key     key_len ref                          rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ------- ------- ---------------------------- ---- -------- --------------
> 1  SIMPLE      i     null       ALL    null          null    null    null                         4    100.00   Using filesort
> 1  SIMPLE      c     null       eq_ref PRIMARY       PRIMARY 4       qv_explain_join_search.i.cat 1    100.00   null
> rows: 2

DROP DATABASE qv_explain_join_search;
> ok
