-- Covers: CALL dbms_index_manager.refresh() after a load in several statements (the durable engine merges each table of the current database into one segment): searches return the same rows before and after, writes after it are found, and it works without a current database
CREATE DATABASE qv_vector_refresh;
> update count: 1

USE qv_vector_refresh;
> ok

CREATE TABLE items (id INT PRIMARY KEY, tag INT, embedding VECTOR(3), VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw));
> ok

CREATE TABLE plain (id INT PRIMARY KEY, name VARCHAR(10));
> ok

INSERT INTO items VALUES (1, 0, '[1,0,0]'), (2, 1, '[0.9,0.1,0]'), (3, 0, '[0,1,0]');
> update count: 3

INSERT INTO items VALUES (4, 1, '[0,0,1]'), (5, 0, '[0.5,0.5,0.5]');
> update count: 2

INSERT INTO items VALUES (6, 1, '[0.8,0.2,0.1]'), (7, 0, NULL);
> update count: 2

INSERT INTO plain VALUES (1, 'x'), (2, 'y');
> update count: 2

SELECT id, l2_distance(embedding, '[1,0,0]') AS distance FROM items ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 3;
> id distance
> -- ------------------
> 1  0
> 2  0.141421374149721
> 6  0.2999999945362411
> rows: 3

CALL dbms_index_manager.refresh();
> ok

SELECT id, l2_distance(embedding, '[1,0,0]') AS distance FROM items ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 3;
> id distance
> -- ------------------
> 1  0
> 2  0.141421374149721
> 6  0.2999999945362411
> rows: 3

SELECT id FROM items WHERE tag = 0 ORDER BY l2_distance(embedding, '[0,0,1]') APPROXIMATE LIMIT 2;
> id
> --
> 5
> 1
> rows: 2

INSERT INTO items VALUES (8, 1, '[1,0,0.01]');
> update count: 1

DELETE FROM items WHERE id = 2;
> update count: 1

SELECT id FROM items ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 3;
> id
> --
> 1
> 8
> 6
> rows: 3

SELECT COUNT(*) AS n FROM plain;
> n
> -
> 2
> rows: 1

CALL dbms_index_manager.refresh;
> ok

USE information_schema;
> ok

CALL dbms_index_manager.refresh();
> ok

SELECT id FROM qv_vector_refresh.items ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 2;
> id
> --
> 1
> 8
> rows: 2

DROP DATABASE qv_vector_refresh;
> ok
