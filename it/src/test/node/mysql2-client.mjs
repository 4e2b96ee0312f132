// Drives Node's mysql2 against a running Quiver and prints one JSON line per check, for the Java
// integration test to assert. Usage: node mysql2-client.mjs <port> [password]
import mysql from 'mysql2/promise';

const port = Number(process.argv[2]);
const password = process.argv[3] ?? '';
const out = (name, value) => console.log(JSON.stringify({ name, value }));

const connection = await mysql.createConnection({
  host: '127.0.0.1', port, user: 'root@sys', password, database: 'test', maxPreparedStatements: 16,
});
try {
  const [one] = await connection.query('SELECT 1 AS one');
  out('query', one[0].one);

  const [executed] = await connection.execute('SELECT ? AS n, ? AS s', [41, 'héllo']);
  out('execute', [executed[0].n, executed[0].s]);

  await connection.query('USE test');
  const [databases] = await connection.query('SHOW DATABASES');
  out('databases', databases.map((row) => row.Database));
  const [current] = await connection.query('SELECT DATABASE() AS db');
  out('database', current[0].db);

  const big = 'x'.repeat(20 * 1024 * 1024);
  const [echoed] = await connection.query('SELECT ? AS big', [big]);
  out('big-query', echoed[0].big === big);
  const [echoedExecute] = await connection.execute('SELECT ? AS big', [big]);
  out('big-execute', echoedExecute[0].big === big);

  try {
    await connection.query('SELEC 1');
    out('error', null);
  } catch (error) {
    out('error', [error.errno, error.sqlState]);
  }
  await connection.ping();
  out('ping', true);
} finally {
  await connection.end();
}
