-- Covers: ORDER BY <distance> APPROXIMATE LIMIT k as the vector-search access path of a SELECT plan: in inner and left joins (the searched table's approximate top LIMIT + OFFSET rows, then joined; searched again with a wider window while the join leaves fewer), with a subquery filter applied inside the search, MATCH as a membership test next to it, inside IN subqueries of other queries, EXPLAIN, and the shapes still refused (APPROXIMATE with GROUP BY, aggregates or DISTINCT, APPROXIMATE inside a subquery)
CREATE DATABASE qv_vector_plans;
> update count: 1

USE qv_vector_plans;
> ok

CREATE TABLE items (id INT PRIMARY KEY, cat INT, body TEXT, embedding VECTOR(2),
    FULLTEXT INDEX ft (body) WITH PARSER space,
    VECTOR INDEX vi (embedding) WITH (distance=l2, type=hnsw, lib=vsag));
> ok

CREATE TABLE cats (id INT PRIMARY KEY, name VARCHAR(20));
> ok

INSERT INTO items VALUES (1, 1, 'red apple', '[0,0]'), (2, 1, 'green apple', '[1,0]'), (3, 2, 'red car', '[2,0]'), (4, 2, 'blue car', '[3,0]'), (5, 3, 'red boat', '[4,0]'), (6, 1, 'pear', '[5,0]');
> update count: 6

INSERT INTO cats VALUES (1, 'fruit'), (2, 'vehicle');
> update count: 2

-- inner join: the three nearest items, joined to their category
SELECT i.id, c.name, l2_distance(i.embedding, '[0,0]') AS d FROM items i JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[0,0]') APPROXIMATE LIMIT 3;
> id name    d
> -- ------- -
> 1  fruit   0
> 2  fruit   1
> 3  vehicle 2
> rows: 3

SELECT c.name, i.id FROM cats c JOIN items i ON c.id = i.cat WHERE c.name = 'vehicle' ORDER BY l2_distance(i.embedding, '[4,0]') APPROXIMATE LIMIT 2;
> name    id
> ------- --
> vehicle 4
> vehicle 3
> rows: 2

-- a join that drops searched rows (item 5 has no category) searches again with a wider window until LIMIT rows are left
SELECT i.id, c.name FROM items i JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[3.9,0]') APPROXIMATE LIMIT 2;
> id name
> -- -------
> 4  vehicle
> 6  fruit
> rows: 2

-- left join keeps it
SELECT i.id, c.name FROM items i LEFT JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[3.9,0]') APPROXIMATE LIMIT 2 OFFSET 1;
> id name
> -- -------
> 4  vehicle
> 6  fruit
> rows: 2

-- the table's own conditions go into the search
SELECT i.id, c.name FROM items i JOIN cats c ON c.id = i.cat WHERE i.cat = 1 ORDER BY l2_distance(i.embedding, '[5,0]') APPROX LIMIT 2;
> id name
> -- -----
> 6  fruit
> 2  fruit
> rows: 2

-- a subquery condition on a single table is applied inside the search, so LIMIT rows pass it
SELECT id FROM items WHERE cat IN (SELECT id FROM cats WHERE name = 'vehicle') ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 1;
> id
> --
> 3
> rows: 1

-- a MATCH next to APPROXIMATE: the vector search drives, the MATCH is a membership test
SELECT id FROM items WHERE MATCH(body) AGAINST ('red') ORDER BY l2_distance(embedding, '[5,0]') APPROXIMATE LIMIT 2;
> id
> --
> 5
> 3
> rows: 2

-- the search inside an IN subquery of another query (its own plan, no APPROXIMATE marker)
SELECT name FROM cats WHERE id IN (SELECT cat FROM items WHERE MATCH(body) AGAINST ('car')) ORDER BY name;
> name
> -------
> vehicle
> rows: 1

SELECT i.id, c.name FROM items i JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[0,0]') APPROXIMATE LIMIT 1;
> id name
> -- -----
> 1  fruit
> rows: 1

EXPLAIN SELECT id FROM items ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 3;
> id select_type table partitions type   possible_keys key key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- --- ------- ----- ---- -------- ------------------------------------------------------
> 1  SIMPLE      items null       vector vi            vi  null    const 3    100.00   Using vector index (approximate l2 top-k); Using index
> rows: 1

EXPLAIN SELECT id FROM items WHERE MATCH(body) AGAINST ('red') AND cat = 1;
> id select_type table partitions type     possible_keys key key_len ref   rows filtered Extra
> -- ----------- ----- ---------- -------- ------------- --- ------- ----- ---- -------- -----------
> 1  SIMPLE      items null       fulltext ft            ft  0       const 1    100.00   Using where
> rows: 1

-- without APPROXIMATE a join is sorted exactly
SELECT i.id, c.name FROM items i JOIN cats c ON c.id = i.cat ORDER BY l2_distance(i.embedding, '[3,0]'), i.id LIMIT 2;
> id name
> -- -------
> 4  vehicle
> 3  vehicle
> rows: 2

-- Failure: APPROXIMATE orders rows, not groups
SELECT cat, COUNT(*) FROM items GROUP BY cat ORDER BY l2_distance(MIN(embedding), '[0,0]') APPROXIMATE LIMIT 2;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'APPROXIMATE with GROUP BY, aggregates or DISTINCT'

SELECT COUNT(*) FROM items ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 2;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'APPROXIMATE with GROUP BY, aggregates or DISTINCT'

SELECT DISTINCT cat FROM items ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 2;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'APPROXIMATE with GROUP BY, aggregates or DISTINCT'

-- Failure: APPROXIMATE inside a subquery
SELECT name FROM cats WHERE id IN (SELECT cat FROM items ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 2);
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'APPROXIMATE in a subquery'

-- Failure: the hybrid score outside the single-table SQL of GET_SQL
SET @p = '{\"query\":{\"query_string\":{\"query\":\"red\"}}}';
> ok

SELECT i.id FROM items i JOIN cats c ON c.id = i.cat ORDER BY DBMS_HYBRID_SEARCH.SCORE(@p) DESC;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'DBMS_HYBRID_SEARCH.SCORE here (it reads a table of a SELECT, or the WHERE of UPDATE or DELETE)'

DROP DATABASE qv_vector_plans;
> ok
