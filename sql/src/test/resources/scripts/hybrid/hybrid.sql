-- Covers: the seekdb SDK's hybrid search: SET @search_parm, DBMS_HYBRID_SEARCH.GET_SQL returning a SELECT that reads the variable (no user text), that SELECT run through Table.hybridSearch, DBMS_HYBRID_SEARCH.SEARCH's JSON, and the errors
CREATE DATABASE qv_hybrid;
> update count: 1

USE qv_hybrid;
> ok

CREATE TABLE `c$v2$cc0efcdd2d17418bac3aca264e2e5646` (
      _id VARBINARY(512) PRIMARY KEY NOT NULL,
      document STRING,
      embedding VECTOR(3),
      
      metadata JSON,
      FULLTEXT INDEX idx_fts (document) WITH PARSER ik,
      VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag)
      
    ) ORGANIZATION = HEAP;
> ok

INSERT INTO `c$v2$cc0efcdd2d17418bac3aca264e2e5646` (_id, document, metadata, embedding) VALUES
    (CAST('p1' AS BINARY), 'foo bar', '{\"a\":{\"b\":2},\"t\":\"p\"}', '[1,2,3]'),
    (CAST('p2' AS BINARY), 'foo', '{\"a\":{\"b\":0},\"t\":\"p\"}', '[1,2,4]'),
    (CAST('q1' AS BINARY), 'baz qux', '{\"a\":{\"b\":5},\"t\":\"q\"}', '[9,9,9]'),
    (CAST('q2' AS BINARY), 'foo qux', '{\"a\":{\"b\":7},\"t\":\"q\"}', '[1,2,3.5]');
> update count: 4

SET @search_parm = '{\"query\":{\"bool\":{\"must\":[{\"query_string\":{\"fields\":[\"document\"],\"query\":\"foo\"}}],\"filter\":[{\"range\":{\"JSON_EXTRACT(metadata, \'$.a.b\')\":{\"gte\":1}}}]}},\"knn\":{\"field\":\"embedding\",\"k\":10,\"query_vector\":[1,2,3],\"filter\":[{\"term\":{\"JSON_EXTRACT(metadata, \'$.t\')\":{\"value\":\"p\"}}}]},\"rank\":{\"rrf\":{\"rank_window_size\":60,\"rank_constant\":60}},\"size\":5}';
> ok

SELECT DBMS_HYBRID_SEARCH.GET_SQL('c$v2$cc0efcdd2d17418bac3aca264e2e5646', @search_parm) as query_sql FROM dual;
> query_sql
> -------------------------------------------------------------------------------------------------------------------------------------------------------------
> SELECT _id, document, metadata, embedding, DBMS_HYBRID_SEARCH.SCORE(@search_parm) AS _score FROM `c$v2$cc0efcdd2d17418bac3aca264e2e5646` ORDER BY _score DESC
> rows: 1

SELECT _id, document, metadata, embedding, DBMS_HYBRID_SEARCH.SCORE(@search_parm) AS _score FROM `c$v2$cc0efcdd2d17418bac3aca264e2e5646` ORDER BY _score DESC;
> _id document metadata                  embedding _score
> --- -------- ------------------------- --------- --------------------
> p1  foo bar  {"a": {"b": 2}, "t": "p"} [1,2,3]   0.03278688524590164
> p2  foo      {"a": {"b": 0}, "t": "p"} [1,2,4]   0.016129032258064516
> q2  foo qux  {"a": {"b": 7}, "t": "q"} [1,2,3.5] 0.016129032258064516
> rows: 3

SELECT DBMS_HYBRID_SEARCH.SEARCH('c$v2$cc0efcdd2d17418bac3aca264e2e5646', @search_parm) AS hits;
> hits
> ------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> [{"_id": "p1", "document": "foo bar", "embedding": [1,2,3], "metadata": {"a": {"b": 2}, "t": "p"}, "_score": 0.03278688524590164}, {"_id": "p2", "document": "foo", "embedding": [1,2,4], "metadata": {"a": {"b": 0}, "t": "p"}, "_score": 0.016129032258064516}, {"_id": "q2", "document": "foo qux", "embedding": [1,2,3.5], "metadata": {"a": {"b": 7}, "t": "q"}, "_score": 0.016129032258064516}]
> rows: 1

SET @text_only = '{\"query\":{\"query_string\":{\"fields\":[\"document\"],\"query\":\"qux OR bar\"}},\"size\":2}';
> ok

SELECT _id, DBMS_HYBRID_SEARCH.SCORE(@text_only) AS _score FROM `c$v2$cc0efcdd2d17418bac3aca264e2e5646` ORDER BY _score DESC;
> _id _score
> --- --------------------
> p1  0.01639344262295082
> q1  0.016129032258064516
> rows: 2

SET @knn_only = '{\"knn\":{\"field\":\"embedding\",\"k\":2,\"query_vector\":[9,9,9]},\"size\":10}';
> ok

SELECT _id FROM `c$v2$cc0efcdd2d17418bac3aca264e2e5646` ORDER BY DBMS_HYBRID_SEARCH.SCORE(@knn_only) DESC;
> _id
> ---
> q1
> p2
> rows: 2

SELECT DBMS_HYBRID_SEARCH.GET_SQL('c$v2$cc0efcdd2d17418bac3aca264e2e5646', @never_set) AS query_sql;
> query_sql
> ---------
> null
> rows: 1

-- Failure: malformed or unsupported parameters
SET @bad = '{\"knn\":';
> ok

SELECT _id FROM `c$v2$cc0efcdd2d17418bac3aca264e2e5646` ORDER BY DBMS_HYBRID_SEARCH.SCORE(@bad) DESC;
> exception ER_INVALID_JSON_TEXT_IN_PARAM: Invalid JSON text in argument 2 to function DBMS_HYBRID_SEARCH: "Invalid value." at position 7.

SET @bad = '{\"knn\":{\"field\":\"embedding\",\"query_vector\":[1,2]}}';
> ok

SELECT _id FROM `c$v2$cc0efcdd2d17418bac3aca264e2e5646` ORDER BY DBMS_HYBRID_SEARCH.SCORE(@bad) DESC;
> exception ER_VECTOR_DIFFERENT_DIMENSIONS: different vector dimensions 3 and 2

SET @bad = '{\"aggs\":{}}';
> ok

SELECT DBMS_HYBRID_SEARCH.SEARCH('c$v2$cc0efcdd2d17418bac3aca264e2e5646', @bad);
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'hybrid search parameter 'aggs''

SELECT DBMS_HYBRID_SEARCH.SEARCH('no_such_table', @search_parm);
> exception ER_NO_SUCH_TABLE: Table 'qv_hybrid.no_such_table' doesn't exist

SELECT DBMS_HYBRID_SEARCH.GET_SQL('t');
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'dbms_hybrid_search.get_sql'

SELECT DBMS_HYBRID_SEARCH.NO_SUCH_FUNCTION('t', @search_parm);
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'the function DBMS_HYBRID_SEARCH.NO_SUCH_FUNCTION'

DROP DATABASE qv_hybrid;
> ok
