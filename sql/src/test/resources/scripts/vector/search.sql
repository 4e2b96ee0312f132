-- Covers: ORDER BY <distance> [DESC] APPROXIMATE|APPROX LIMIT k [OFFSET m] through Table.vectorSearch with the WHERE pushed down (JSON_EXTRACT filters included), the exact form without APPROXIMATE, the distance column from the search score, ob_hnsw_ef_search, and the errors
CREATE DATABASE qv_vector_search;
> update count: 1

USE qv_vector_search;
> ok

CREATE TABLE `c$v2$0123456789abcdef0123456789abcdef` (
      _id VARBINARY(512) PRIMARY KEY NOT NULL,
      document STRING,
      embedding VECTOR(3),
      
      metadata JSON,
      FULLTEXT INDEX idx_fts (document) WITH PARSER ik,
      VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag)
      
    ) ORGANIZATION = HEAP;
> ok

INSERT INTO `c$v2$0123456789abcdef0123456789abcdef` (_id, document, metadata, embedding) VALUES
    (CAST('a' AS BINARY), 'apple pie', '{\"category\":\"fruit\",\"score\":95}', '[1,0,0]'),
    (CAST('b' AS BINARY), 'banana bread', '{\"category\":\"fruit\",\"score\":80}', '[0.9,0.1,0]'),
    (CAST('c' AS BINARY), 'carrot cake', '{\"category\":\"vegetable\",\"score\":70}', '[0,1,0]'),
    (CAST('d' AS BINARY), 'date loaf', '{\"category\":\"fruit\",\"score\":60}', '[0,0,1]'),
    (CAST('e' AS BINARY), 'eggplant dip', NULL, '[0.5,0.5,0.5]'),
    (CAST('f' AS BINARY), 'no vector', '{\"category\":\"fruit\"}', NULL);
> update count: 6

SELECT _id, document, metadata,
             l2_distance(embedding, '[1,0,0]') AS distance
      FROM `c$v2$0123456789abcdef0123456789abcdef`
      
      ORDER BY l2_distance(embedding, '[1,0,0]')
      APPROXIMATE
      LIMIT 3;
> _id document     metadata                           distance
> --- ------------ ---------------------------------- ------------------
> a   apple pie    {"score": 95, "category": "fruit"} 0
> b   banana bread {"score": 80, "category": "fruit"} 0.141421374149721
> e   eggplant dip null                               0.8660254037844386
> rows: 3

SELECT _id, embedding,
             l2_distance(embedding, '[0,0,1]') AS distance
      FROM `c$v2$0123456789abcdef0123456789abcdef`
      WHERE (JSON_EXTRACT(metadata, '$.category') = 'fruit')
      ORDER BY l2_distance(embedding, '[0,0,1]')
      APPROXIMATE
      LIMIT 2;
> _id embedding   distance
> --- ----------- ------------------
> d   [0,0,1]     0
> b   [0.9,0.1,0] 1.3490737405281743
> rows: 2

SELECT _id, document, metadata,
             inner_product(embedding, '[1,1,1]') AS distance
      FROM `c$v2$0123456789abcdef0123456789abcdef`
      
      ORDER BY inner_product(embedding, '[1,1,1]') DESC
      
      LIMIT 2;
> _id document     metadata                           distance
> --- ------------ ---------------------------------- --------
> e   eggplant dip null                               1.5
> a   apple pie    {"score": 95, "category": "fruit"} 1
> rows: 2

SELECT _id, cosine_distance(embedding, '[1,1,0]') AS distance FROM `c$v2$0123456789abcdef0123456789abcdef`
    WHERE JSON_EXTRACT(metadata, '$.score') >= 70 ORDER BY cosine_distance(embedding, '[1,1,0]') APPROX LIMIT 2 OFFSET 1;
> _id distance
> --- -------------------
> a   0.29289321881345254
> c   0.29289321881345254
> rows: 2

SELECT _id, negative_inner_product(embedding, '[1,1,1]') AS nip FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY nip APPROXIMATE LIMIT 2;
> _id nip
> --- ----
> e   -1.5
> a   -1
> rows: 2

SELECT _id, l2_distance(embedding, '[1,0,0]') FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY 2 LIMIT 1, 2;
> _id l2_distance(embedding, '[1,0,0]')
> --- ---------------------------------
> b   0.141421374149721
> e   0.8660254037844386
> rows: 2

SET ob_hnsw_ef_search = 200;
> ok

SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` WHERE _id <> CAST('a' AS BINARY) ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 2;
> _id
> ---
> b
> e
> rows: 2

-- farthest first cannot use the index: it runs exactly, NULL distances last
SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0,0]') DESC LIMIT 2;
> _id
> ---
> c
> d
> rows: 2

SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 0;
> _id
> ---
> rows: 0

-- Failure: seekdb caps LIMIT + OFFSET of an approximate search at 16384
SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 16000 OFFSET 385;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'approximate vector search with LIMIT + OFFSET above 16384'

SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 16384;
> _id
> ---
> a
> b
> e
> c
> d
> rows: 5

-- Failure: the query vector's dimension
SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0]') APPROXIMATE LIMIT 1;
> exception ER_VECTOR_DIFFERENT_DIMENSIONS: different vector dimensions 3 and 2

SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0,x]') APPROXIMATE LIMIT 1;
> exception ER_INVALID_VECTOR_TEXT: Invalid vector value for column 'l2_distance': bad element 'x'

-- Failure: APPROXIMATE belongs to a single-table SELECT
DELETE FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY _id APPROXIMATE LIMIT 1;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'APPROXIMATE outside a SELECT ordered by one vector distance'

SELECT _id FROM `c$v2$0123456789abcdef0123456789abcdef` ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

DROP DATABASE qv_vector_search;
> ok
