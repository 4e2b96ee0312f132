-- Covers: EXPLAIN of index searches: the VECTOR index for APPROXIMATE, an exact top-k without it, the FULLTEXT index for MATCH, the hybrid search
CREATE DATABASE qv_explain_search;
> update count: 1

USE qv_explain_search;
> ok

CREATE TABLE t (_id VARBINARY(512) PRIMARY KEY NOT NULL, document STRING, embedding VECTOR(3), metadata JSON,
    FULLTEXT INDEX idx_fts (document) WITH PARSER ik, VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag));
> ok

INSERT INTO t VALUES (CAST('a' AS BINARY), 'apple', '[1,0,0]', '{\"k\":1}'), (CAST('b' AS BINARY), 'banana', '[0,1,0]', '{\"k\":2}');
> update count: 2

EXPLAIN SELECT _id FROM t ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 10;
> id select_type table partitions type   possible_keys key     key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ------- ------- ----- ---- -------- ------------------------------------------------------
> 1  SIMPLE      t     null       vector idx_vec       idx_vec null    const 10   100.00   Using vector index (approximate l2 top-k); Using index
> rows: 1

EXPLAIN SELECT _id FROM t WHERE JSON_EXTRACT(metadata, '$.k') = 1 ORDER BY l2_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 5 OFFSET 5;
> id select_type table partitions type   possible_keys key     key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ------- ------- ----- ---- -------- ------------------------------------------------------
> 1  SIMPLE      t     null       vector idx_vec       idx_vec null    const 10   100.00   Using where; Using vector index (approximate l2 top-k)
> rows: 1

EXPLAIN SELECT _id FROM t ORDER BY l2_distance(embedding, '[1,0,0]') LIMIT 10;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- --------------------
> 1  SIMPLE      t     null       ALL  null          null null    null 2    100.00   Using exact l2 top-k
> rows: 1

EXPLAIN SELECT _id FROM t ORDER BY cosine_distance(embedding, '[1,0,0]') APPROXIMATE LIMIT 10;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- ------------------------
> 1  SIMPLE      t     null       ALL  null          null null    null 2    100.00   Using exact cosine top-k
> rows: 1

EXPLAIN SELECT _id FROM t WHERE MATCH(document) AGAINST ('apple');
> id select_type table partitions type     possible_keys key     key_len ref   rows filtered Extra
> -- ----------- ----- ---------- -------- ------------- ------- ------- ----- ---- -------- ------------------------
> 1  SIMPLE      t     null       fulltext idx_fts       idx_fts 0       const 1    100.00   Using where; Using index
> rows: 1

EXPLAIN SELECT _id FROM t WHERE MATCH(document) AGAINST ('apple') OR _id = CAST('b' AS BINARY);
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- -----------
> 1  SIMPLE      t     null       ALL  null          null null    null 2    100.00   Using where
> rows: 1

EXPLAIN SELECT _id FROM t ORDER BY DBMS_HYBRID_SEARCH.SCORE('{\"knn\":{\"field\":\"embedding\",\"k\":1,\"query_vector\":[1,0,0]}}') DESC;
> id select_type table partitions type   possible_keys   key             key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ------ --------------- --------------- ------- ----- ---- -------- --------------------------------------------
> 1  SIMPLE      t     null       hybrid idx_fts,idx_vec idx_fts,idx_vec null    const null 100.00   Using hybrid search (reciprocal rank fusion)
> rows: 1

DROP DATABASE qv_explain_search;
> ok
