// Drives Node's mysql2 through the seekdb SDK's get, query, count and hybrid-search SQL against a running Quiver and
// prints, per result column, the metadata mysql2 decodes (type, charset, flags) and the JS type of the first value,
// for the Java integration test to assert (seekdb-js.md 2.5). Usage: node search-metadata.mjs <port>
import mysql from 'mysql2/promise';

const port = Number(process.argv[2]);
const out = (name, value) => console.log(JSON.stringify({ name, value }));
const describe = (rows, fields) => fields.map((field) => {
  const value = rows.length === 0 ? undefined : rows[0][field.name];
  const kind = value === null ? 'null' : Buffer.isBuffer(value) ? 'buffer' : Array.isArray(value) ? 'array' : typeof value;
  return [field.name, field.columnType, field.characterSet, kind];
});

const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root@sys', password: '', database: 'test' });
const table = '`c$v2$5ea2c4ab0b9e4c8f8d2b6f0a1c3e5d7f`';
try {
  await connection.query(`CREATE TABLE ${table} (
      _id VARBINARY(512) PRIMARY KEY NOT NULL,
      document STRING,
      embedding VECTOR(3),
      
      metadata JSON,
      FULLTEXT INDEX idx_fts (document) WITH PARSER ik,
      VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag)
      
    ) ORGANIZATION = HEAP`);
  await connection.query(`INSERT INTO ${table} (_id, document, metadata, embedding) VALUES (CAST(? AS BINARY), ?, ?, ?), (CAST(? AS BINARY), ?, ?, ?)`,
    ['a', 'apple pie', JSON.stringify({ category: 'fruit' }), '[1.1,0,0]', 'b', 'banana bread', JSON.stringify({ category: 'fruit' }), '[0,1,1e-7]']);

  const [got, gotFields] = await connection.query(`SELECT _id, document, metadata, embedding FROM ${table} WHERE (_id = CAST(? AS BINARY))`, ['a']);
  out('get', describe(got, gotFields));
  out('get-embedding', JSON.parse(got[0].embedding));

  const [queried, queriedFields] = await connection.query(`SELECT _id, document, metadata, embedding,
             l2_distance(embedding, '[1,0,0]') AS distance
      FROM ${table}
      
      ORDER BY l2_distance(embedding, '[1,0,0]')
      APPROXIMATE
      LIMIT 2`);
  out('query', describe(queried, queriedFields));
  out('query-ids', queried.map((row) => row._id.toString()));
  out('query-embeddings', queried.map((row) => JSON.parse(row.embedding)));

  // JSON function results are MySQL 8's JSON (245, binary charset), which mysql2 hands to JSON.parse; ->> is text
  const jsonSql = `SELECT JSON_EXTRACT(metadata, '$.category') AS cat, JSON_OBJECT('m', metadata) AS obj, metadata->>'$.category' AS unquoted,
             JSON_ARRAY(1, 'a', JSON_EXTRACT(metadata, '$')) AS arr, CAST('{"n": 1.5}' AS JSON) AS cast_json
      FROM ${table} WHERE (_id = CAST(? AS BINARY))`;
  const [jsonRows, jsonFields] = await connection.query(jsonSql, ['a']);
  out('json-functions', describe(jsonRows, jsonFields));
  out('json-values', [jsonRows[0].cat, jsonRows[0].obj, jsonRows[0].unquoted, jsonRows[0].arr, jsonRows[0].cast_json]);
  const [preparedRows, preparedFields] = await connection.execute(jsonSql, ['a']);
  out('json-functions-prepared', describe(preparedRows, preparedFields));
  out('json-values-prepared', [preparedRows[0].cat, preparedRows[0].obj, preparedRows[0].unquoted, preparedRows[0].arr, preparedRows[0].cast_json]);

  const [counted, countedFields] = await connection.query(`SELECT COUNT(*) as cnt FROM ${table}`);
  out('count', describe(counted, countedFields));

  const [matched] = await connection.query(`SELECT _id FROM ${table} WHERE (MATCH(document) AGAINST ('banana' IN NATURAL LANGUAGE MODE))`);
  out('match', matched.map((row) => row._id.toString()));

  await connection.query('SET @search_parm = ?', [JSON.stringify({
    query: { query_string: { fields: ['document'], query: 'apple' } },
    knn: { field: 'embedding', k: 10, query_vector: [0, 1, 0] },
    rank: { rrf: {} },
    size: 5,
  })]);
  const [sqlRows, sqlFields] = await connection.query(`SELECT DBMS_HYBRID_SEARCH.GET_SQL('c$v2$5ea2c4ab0b9e4c8f8d2b6f0a1c3e5d7f', @search_parm) as query_sql FROM dual`);
  out('get-sql', describe(sqlRows, sqlFields));
  const forbidden = /\b(DROP|DELETE|UPDATE|INSERT|ALTER|CREATE|GRANT|REVOKE|TRUNCATE|REPLACE|RENAME|LOAD_FILE|OUTFILE|DUMPFILE|CALL|LOAD)\b/i;
  out('get-sql-passes-sdk-checks', /^\s*SELECT\b/i.test(sqlRows[0].query_sql) && !forbidden.test(sqlRows[0].query_sql) && !/;\s*\S/.test(sqlRows[0].query_sql));
  const [hybrid, hybridFields] = await connection.query(sqlRows[0].query_sql);
  out('hybrid', describe(hybrid, hybridFields));
  out('hybrid-ids', hybrid.map((row) => row._id.toString()).sort());
} finally {
  await connection.query(`DROP TABLE IF EXISTS ${table}`);
  await connection.end();
}
