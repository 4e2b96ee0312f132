-- Covers: SHOW SESSION STATUS LIKE 'Quiver_rows_examined' counts the rows a statement's table accesses read
CREATE DATABASE qv_examined;
> update count: 1

USE qv_examined;
> ok

CREATE TABLE t (id INT PRIMARY KEY, v INT);
> ok

INSERT INTO t VALUES (1, 1), (2, 2), (3, 3);
> update count: 3

SHOW SESSION STATUS LIKE 'Quiver_rows_examined';
> Variable_name        Value
> -------------------- -----
> Quiver_rows_examined 0
> rows: 1

SELECT id FROM t WHERE v > 1 AND id < 100 ORDER BY id DESC APPROXIMATE LIMIT 5;
> id
> --
> 3
> 2
> rows: 2

SHOW STATUS LIKE 'Quiver_rows_examined';
> Variable_name        Value
> -------------------- -----
> Quiver_rows_examined 2
> rows: 1

DROP DATABASE qv_examined;
> ok
