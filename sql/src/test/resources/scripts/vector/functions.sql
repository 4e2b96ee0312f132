-- Covers: seekdb's vector distance functions over vector text and VECTOR columns, in the select list, WHERE and ORDER BY; NULL in gives NULL; dimension and syntax errors
SELECT l2_distance('[0,0]', '[3,4]') AS l2, l2_squared('[0,0]', '[3,4]') AS sq, inner_product('[1,2,3]', '[4,5,6]') AS ip,
    negative_inner_product('[1,2,3]', '[4,5,6]') AS nip, cosine_distance('[1,0]', '[0,1]') AS cos;
> l2 sq ip nip cos
> -- -- -- --- ---
> 5  25 32 -32 1
> rows: 1

SELECT vector_distance('[0,0]', '[3,4]') AS d, vector_distance('[1,2]', '[3,4]', 'inner_product') AS ip, vector_distance('[1,0]', '[1,0]', 'COSINE') AS c;
> d ip c
> - -- -
> 5 11 0
> rows: 1

SELECT l2_distance(NULL, '[1]') AS a, cosine_distance('[1]', NULL) AS b, inner_product(NULL, NULL) AS c;
> a    b    c
> ---- ---- ----
> null null null
> rows: 1

SELECT cosine_distance('[0,0]', '[1,1]') AS zero;
> zero
> ----
> null
> rows: 1

SELECT l2_distance('[1e-7, -0.5, 1e+2]', '[ 0 , 0 , 0 ]') > 100 AS far;
> far
> ---
> 1
> rows: 1

-- Failure: different dimensions, as seekdb words it
SELECT l2_distance('[1,2]', '[1,2,3]');
> exception ER_VECTOR_DIFFERENT_DIMENSIONS: different vector dimensions 2 and 3

-- Failure: not vector text
SELECT inner_product('1,2', '[1,2]');
> exception ER_INVALID_VECTOR_TEXT: Invalid vector value for column 'inner_product': expected '[' ... ']'

SELECT cosine_distance('[1,NaN]', '[1,2]');
> exception ER_INVALID_VECTOR_TEXT: Invalid vector value for column 'cosine_distance': bad element 'NaN'

SELECT l2_distance('[1]');
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'l2_distance'

SELECT vector_distance('[1]', '[2]', 'hamming');
> exception ER_WRONG_ARGUMENTS: Incorrect arguments to vector_distance

CREATE DATABASE qv_vector_fn;
> update count: 1

USE qv_vector_fn;
> ok

CREATE TABLE items (id INT PRIMARY KEY, embedding VECTOR(3));
> ok

INSERT INTO items VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.5,0.5,0]'), (4, NULL), (5, '[1.1,2.2,3.3]');
> update count: 5

SELECT id, embedding, l2_distance(embedding, '[1,0,0]') AS d FROM items ORDER BY l2_distance(embedding, '[1,0,0]'), id;
> id embedding     d
> -- ------------- ------------------
> 4  null          null
> 1  [1,0,0]       0
> 3  [0.5,0.5,0]   0.7071067811865476
> 2  [0,1,0]       1.4142135623730951
> 5  [1.1,2.2,3.3] 3.9673668723555426
> rows: 5

SELECT id FROM items WHERE inner_product(embedding, '[1,1,1]') > 1 ORDER BY id;
> id
> --
> 5
> rows: 1

SELECT id, cosine_distance(embedding, '[1,1,0]') < 0.01 AS same_direction FROM items WHERE id < 4 ORDER BY 2 DESC, id;
> id same_direction
> -- --------------
> 3  1
> 1  0
> 2  0
> rows: 3

-- Failure: a column of the wrong dimension
SELECT l2_distance(embedding, '[1,0]') FROM items WHERE id = 1;
> exception ER_VECTOR_DIFFERENT_DIMENSIONS: different vector dimensions 3 and 2

DROP DATABASE qv_vector_fn;
> ok
