// Drives the official seekdb JS SDK (npm seekdb 1.4.0, unmodified) against a Quiver server.
//   node seekdb-sdk.mjs <port> <scenario> [arguments...]
// Prints one JSON line per step: {"name": step, "value": result} or {"name": step, "error": {...}}.
// Values are made deterministic: rows are sorted by id, object keys are sorted, distances rounded.
// The SDK never sees the default embedding function (not installed, needs the network), so every
// collection is created and opened with embeddingFunction: null and explicit vectors, as the SDK's
// own docs advise for that case.
import { AdminClient, SeekdbAdminClient, SeekdbClient, registerEmbeddingFunction } from 'seekdb';

const port = Number(process.argv[2]);
const scenario = process.argv[3];
const args = process.argv.slice(4);
const user = process.env.SEEKDB_USER ?? 'root';
const password = process.env.SEEKDB_PASSWORD ?? '';

function canonical(value) {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map(key => [key, canonical(value[key])]));
  }
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return Math.round(value * 10000) / 10000;
  }
  return value;
}

function print(line) {
  console.log(JSON.stringify(line));
}

async function step(name, action) {
  try {
    const value = await action();
    print({ name, value: canonical(value === undefined ? null : value) });
    return value;
  }
  catch (error) {
    print({ name, error: { errno: error.errno ?? null, sqlState: error.sqlState ?? null, message: String(error.message).split('\n')[0] } });
    return undefined;
  }
}

/** A get() result as rows sorted by id: [id, document, metadata, embedding] with absent fields left out. */
function rows(result) {
  const list = result.ids.map((id, index) => {
    const row = [id];
    for (const field of ['documents', 'metadatas', 'embeddings']) {
      if (result[field] !== undefined) {
        row.push(result[field][index]);
      }
    }
    return row;
  });
  return list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A query() result: per query vector, [id, distance] pairs in the server's order. */
function ranked(result) {
  return result.ids.map((ids, query) => ids.map((id, index) => [id, result.distances[query][index]]));
}

const client = new SeekdbClient({ host: '127.0.0.1', port, user, password, database: 'test' });
const open = name => client.getCollection({ name, embeddingFunction: null });
const create = (name, dimension, distance) =>
  client.createCollection({ name, configuration: { dimension, distance }, embeddingFunction: null });

const FRUIT = {
  ids: ['a', 'b', 'c'],
  embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  documents: ['apple banana', 'it\'s a "quoted" doc\nwith newline \\ and backslash', 'cherry durian'],
  metadatas: [{ category: 'fruit', score: 95, tag: 'x' }, { category: 'misc', score: 80, nested: { k: 'v' } }, { category: 'fruit', score: 88, flag: true }],
};

const scenarios = {
  // createCollection / getCollection / hasCollection / getOrCreateCollection / listCollections /
  // countCollection / deleteCollection, including the legacy c$v1$ fallbacks.
  async collections() {
    await step('has-before', () => client.hasCollection('sdk_life'));
    await step('get-missing', () => open('sdk_life'));
    await step('create', async () => (await create('sdk_life', 3, 'l2')).dimension);
    await step('create-again', () => create('sdk_life', 3, 'l2'));
    await step('has', () => client.hasCollection('sdk_life'));
    await step('get', async () => {
      const collection = await open('sdk_life');
      return [collection.name, collection.dimension, collection.distance, /^[0-9a-f]{32}$/.test(collection.collectionId)];
    });
    await step('get-or-create-existing', async () => (await client.getOrCreateCollection({ name: 'sdk_life', embeddingFunction: null })).distance);
    await step('get-or-create-new', async () => {
      const collection = await client.getOrCreateCollection({ name: 'sdk_other', configuration: { dimension: 2, distance: 'inner_product' }, embeddingFunction: null });
      return [collection.dimension, collection.distance];
    });
    await step('list', async () => (await client.listCollections({ withEmbeddingFunction: false })).map(each => each.name).sort());
    // Without @seekdb/default-embed, the default listCollections() skips collections it cannot equip.
    await step('count-collections', () => client.countCollection());
    await step('describe', async () => (await open('sdk_life')).describe());
    await step('legacy-table', () => client.execute(
      'CREATE TABLE `c$v1$sdk_legacy` (_id VARBINARY(512) PRIMARY KEY NOT NULL, document STRING, embedding VECTOR(2), metadata JSON, '
      + 'VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag)) ORGANIZATION = HEAP'));
    await step('legacy-has', () => client.hasCollection('sdk_legacy'));
    await step('legacy-get', async () => {
      const legacy = await open('sdk_legacy');
      await legacy.add({ ids: ['x'], embeddings: [[1, 2]], documents: ['old'] });
      return [legacy.dimension, legacy.distance, rows(await legacy.get({ ids: ['x'] }))];
    });
    await step('legacy-list', async () => (await client.listCollections({ withEmbeddingFunction: false })).map(each => each.name).sort());
    await step('legacy-delete', () => client.deleteCollection('sdk_legacy'));
    await step('delete', () => client.deleteCollection('sdk_life'));
    await step('delete-other', () => client.deleteCollection('sdk_other'));
    await step('delete-missing', () => client.deleteCollection('sdk_life'));
    await step('has-after', () => client.hasCollection('sdk_life'));
    await step('list-after', async () => (await client.listCollections({ withEmbeddingFunction: false })).map(each => each.name));
  },

  // add, count, get (ids, include, limit/offset), peek, update, upsert (new/existing ids, partial fields), delete by ids.
  async writes() {
    const collection = await create('sdk_writes', 3, 'l2');
    await step('add', () => collection.add(FRUIT));
    await step('add-duplicate', () => collection.add({ ids: ['a'], embeddings: [[1, 1, 1]] }));
    await step('count', () => collection.count());
    await step('get-ids', async () => rows(await collection.get({ ids: ['a', 'b'] })));
    await step('get-include', async () => rows(await collection.get({ ids: ['a'], include: ['metadatas'] })));
    await step('get-ids-only', async () => rows(await collection.get({ include: [] })));
    await step('get-limit', async () => (await collection.get({ limit: 2 })).ids.length);
    await step('get-limit-offset', async () => (await collection.get({ limit: 10, offset: 1 })).ids.length);
    await step('get-limit-zero', async () => (await collection.get({ limit: 0 })).ids.length);
    await step('peek', async () => (await collection.peek(2)).ids.length);
    await step('add-single', () => collection.add({ ids: 'e', embeddings: [0.5, 0.5, 0] }));
    await step('get-single', async () => rows(await collection.get({ ids: ['e'] })));
    await step('update-metadata', () => collection.update({ ids: ['a'], metadatas: [{ category: 'fruit', score: 99, tag: 'z' }] }));
    await step('update-document', () => collection.update({ ids: ['e'], documents: ['eggplant'] }));
    await step('update-missing', () => collection.update({ ids: ['nobody'], embeddings: [[1, 1, 1]] }));
    await step('after-update', async () => rows(await collection.get({ ids: ['a', 'e'] })));
    await step('upsert-new-and-existing', () => collection.upsert({
      ids: ['d', 'b'], embeddings: [[0.9, 0.1, 0], [0, 2, 0]], documents: ['date', 'b updated'],
      metadatas: [{ category: 'fruit', score: 70 }, { category: 'misc', score: 81 }],
    }));
    await step('upsert-metadata-only', () => collection.upsert({ ids: ['c'], metadatas: [{ category: 'fruit', score: 90 }] }));
    await step('upsert-new-without-vector', () => collection.upsert({ ids: ['z'], metadatas: [{ category: 'none' }] }));
    await step('after-upsert', async () => rows(await collection.get({ ids: ['b', 'c', 'd'] })));
    await step('count-after-upsert', () => collection.count());
    await step('delete-ids', () => collection.delete({ ids: ['b', 'e'] }));
    await step('after-delete', async () => rows(await collection.get({ include: [] })));
    await step('delete-nothing-given', () => collection.delete({}));
    await step('refresh-index', () => collection.refresh_index());
    await client.deleteCollection('sdk_writes');
  },

  // get and delete with metadata ($eq $ne $gt $gte $lt $lte $in $nin $and $or, booleans, nested keys) and document filters.
  async filters() {
    const collection = await create('sdk_filters', 3, 'l2');
    await collection.add(FRUIT);
    const ids = async options => (await collection.get({ ...options, include: [] })).ids.sort();
    await step('eq', () => ids({ where: { category: 'fruit' } }));
    await step('eq-op', () => ids({ where: { category: { $eq: 'misc' } } }));
    await step('ne', () => ids({ where: { category: { $ne: 'fruit' } } }));
    await step('gt', () => ids({ where: { score: { $gt: 88 } } }));
    await step('gte', () => ids({ where: { score: { $gte: 88 } } }));
    await step('lt', () => ids({ where: { score: { $lt: 88 } } }));
    await step('lte', () => ids({ where: { score: { $lte: 88 } } }));
    await step('range', () => ids({ where: { score: { $gte: 80, $lte: 90 } } }));
    await step('in', () => ids({ where: { tag: { $in: ['x', 'y'] } } }));
    await step('nin', () => ids({ where: { category: { $nin: ['misc'] } } }));
    await step('and', () => ids({ where: { $and: [{ category: 'fruit' }, { score: { $gt: 90 } }] } }));
    await step('or', () => ids({ where: { $or: [{ category: 'misc' }, { score: { $lte: 88 } }] } }));
    await step('boolean', () => ids({ where: { flag: true } }));
    await step('nested', () => ids({ where: { 'nested.k': 'v' } }));
    await step('regex', () => ids({ whereDocument: { $regex: '^cherry' } }));
    await step('regex-or-contains', () => ids({ whereDocument: { $or: [{ $contains: 'durian' }, { $regex: 'quoted' }] } }));
    await step('where-and-document', () => ids({ where: { category: 'fruit' }, whereDocument: { $contains: 'apple' } }));
    await step('ids-and-where', () => ids({ ids: ['a', 'b'], where: { category: 'fruit' } }));
    await step('delete-where', () => collection.delete({ where: { score: { $lt: 85 } } }));
    await step('after-delete-where', () => ids({}));
    await client.deleteCollection('sdk_filters');
  },

  // add() sends every row in one INSERT: 2,500 rows of 384 doubles is a statement over 16 MiB, which
  // mysql2 splits into several packets that the server must join (seeded values, replayable). The values
  // are float32 values, so every one must come back exactly (a double halfway between two floats could
  // round either way from its shortest decimal text).
  async 'big-add'() {
    let state = 12345;
    const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return Math.fround(state / 2147483648 - 0.5); };
    const ids = [];
    const embeddings = [];
    for (let row = 0; row < 2500; row++) {
      ids.push(`big${row}`);
      embeddings.push(Array.from({ length: 384 }, next));
    }
    const collection = await create('sdk_big', 384, 'l2');
    await step('statement-over-16MiB', () => JSON.stringify(embeddings).length > 16 * 1024 * 1024);
    await step('add', () => collection.add({ ids, embeddings }));
    await step('count', () => collection.count());
    await step('round-trip', async () => {
      const got = await collection.get({ ids: ['big0', 'big2499'], include: ['embeddings'] });
      return got.ids.map((id, index) => {
        const sent = embeddings[Number(id.slice(3))];
        return got.embeddings[index].length === 384 && got.embeddings[index].every((value, component) => Math.fround(value) === sent[component]);
      });
    });
    await client.deleteCollection('sdk_big');
  },

  // whereDocument $contains: MATCH(document) AGAINST (... IN NATURAL LANGUAGE MODE), any token matches.
  async fulltext() {
    const collection = await create('sdk_fulltext', 3, 'l2');
    await collection.add(FRUIT);
    const ids = async options => (await collection.get({ ...options, include: [] })).ids.sort();
    await step('contains', () => ids({ whereDocument: { $contains: 'banana' } }));
    await step('contains-any-token', () => ids({ whereDocument: { $contains: 'durian quoted' } }));
    await step('contains-or', () => ids({ whereDocument: { $or: [{ $contains: 'durian' }, { $contains: 'apple' }] } }));
    await step('contains-and', () => ids({ whereDocument: { $and: [{ $contains: 'apple' }, { $contains: 'banana' }] } }));
    await step('contains-nothing', () => ids({ whereDocument: { $contains: 'kiwi' } }));
    await step('ids-and-contains', () => ids({ ids: ['a', 'c'], whereDocument: { $contains: 'cherry' } }));
    await step('get-documents', async () => rows(await collection.get({ whereDocument: { $contains: 'apple' }, include: ['documents'] })));
    await step('delete-where-document', () => collection.delete({ whereDocument: { $contains: 'cherry' } }));
    await step('after-delete-where-document', () => ids({}));
    await client.deleteCollection('sdk_fulltext');
  },

  // query with each distance, with filters and include; refresh_index.
  async query() {
    const results = {};
    for (const distance of ['l2', 'cosine', 'inner_product']) {
      const collection = await create(`sdk_query_${distance}`, 3, distance);
      await collection.add({
        ids: ['p', 'q', 'r'], embeddings: [[1, 0, 0], [1, 1, 0], [0, 0, 2]],
        documents: ['pear', 'quince', 'raspberry'], metadatas: [{ n: 1 }, { n: 2 }, { n: 3 }],
      });
      results[distance] = collection;
      await step(`query-${distance}`, async () => ranked(await collection.query({ queryEmbeddings: [2, 1, 0], nResults: 3 })));
    }
    const l2 = results.l2;
    await step('query-two-vectors', async () => ranked(await l2.query({ queryEmbeddings: [[1, 0, 0], [0, 0, 1]], nResults: 1 })));
    await step('query-where', async () => ranked(await l2.query({ queryEmbeddings: [1, 0, 0], nResults: 3, where: { n: { $gte: 2 } } })));
    await step('query-where-document', async () => ranked(await l2.query({ queryEmbeddings: [1, 0, 0], nResults: 3, whereDocument: { $contains: 'raspberry' } })));
    await step('query-include', async () => {
      const result = await l2.query({ queryEmbeddings: [1, 0, 0], nResults: 1, include: ['documents', 'metadatas', 'embeddings'] });
      return [result.ids, result.documents, result.metadatas, result.embeddings];
    });
    await step('query-distance-override', async () => ranked(await l2.query({ queryEmbeddings: [1, 0, 0], nResults: 2, distance: 'cosine', approximate: false })));
    await step('query-wrong-dimension', () => l2.query({ queryEmbeddings: [1, 0], nResults: 1 }));
    for (const distance of Object.keys(results)) {
      await client.deleteCollection(`sdk_query_${distance}`);
    }
  },

  // hybridSearch with only a full-text part.
  async 'hybrid-text'() {
    const collection = await create('sdk_hybrid_text', 3, 'l2');
    await collection.add({
      ids: ['h1', 'h2', 'h3'], embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
      documents: ['vector search engine', 'full text search engine', 'cooking recipes'],
      metadatas: [{ kind: 'db' }, { kind: 'db' }, { kind: 'food' }],
    });
    await step('hybrid-text', async () => (await collection.hybridSearch({ query: { whereDocument: { $contains: 'search' } }, nResults: 5 })).ids.map(each => each.sort()));
    await step('hybrid-text-documents', async () => {
      const result = await collection.hybridSearch({ query: { whereDocument: { $contains: 'cooking' } }, nResults: 5, include: ['documents', 'metadatas'] });
      return [result.ids, result.documents, result.metadatas];
    });
    await client.deleteCollection('sdk_hybrid_text');
  },

  // hybridSearch with a kNN part, alone and fused with full text by the server's DBMS_HYBRID_SEARCH.
  async hybrid() {
    const collection = await create('sdk_hybrid', 3, 'l2');
    await collection.add({
      ids: ['h1', 'h2', 'h3'], embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
      documents: ['vector search engine', 'full text search engine', 'cooking recipes'],
      metadatas: [{ kind: 'db' }, { kind: 'db' }, { kind: 'food' }],
    });
    await step('hybrid-knn', async () => (await collection.hybridSearch({ knn: { queryEmbeddings: [1, 0, 0], nResults: 1 }, nResults: 1 })).ids);
    await step('hybrid-both', async () => (await collection.hybridSearch({
      query: { whereDocument: { $contains: 'engine' }, where: { kind: 'db' } },
      knn: { queryEmbeddings: [0, 1, 0], nResults: 3 },
      rank: { rrf: {} }, nResults: 2,
    })).ids.map(each => each.sort()));
    await client.deleteCollection('sdk_hybrid');
  },

  // fork is seekdb's FORK TABLE: not implemented, a clear 1235; the SDK removes the catalog row again.
  async fork() {
    const collection = await create('sdk_fork', 2, 'l2');
    await collection.add({ ids: ['f'], embeddings: [[1, 0]] });
    await step('fork', () => collection.fork({ name: 'sdk_fork_copy' }));
    await step('fork-target-absent', () => client.hasCollection('sdk_fork_copy'));
    await step('source-intact', () => collection.count());
    await client.deleteCollection('sdk_fork');
  },

  // Database administration: on SeekdbClient, AdminClient and SeekdbAdminClient.
  async admin() {
    await step('create-database', () => client.createDatabase('sdk_admin_db'));
    await step('create-database-again', () => client.createDatabase('sdk_admin_db'));
    await step('get-database', async () => {
      const database = await client.getDatabase('sdk_admin_db');
      return [database.name, database.charset, database.collation];
    });
    await step('get-missing-database', () => client.getDatabase('sdk_no_such_db'));
    await step('list-databases', async () => (await client.listDatabases()).map(each => each.name));
    await step('list-databases-page', async () => (await client.listDatabases(2, 1)).map(each => each.name));
    const admin = AdminClient({ host: '127.0.0.1', port, user, password });
    await step('admin-client-list', async () => (await admin.listDatabases()).map(each => each.name));
    await step('admin-client-delete', () => admin.deleteDatabase('sdk_admin_db'));
    await admin.close();
    const seekdbAdmin = new SeekdbAdminClient({ host: '127.0.0.1', port, user, password });
    await step('seekdb-admin-create', () => seekdbAdmin.createDatabase('sdk_admin_db2'));
    await step('seekdb-admin-get', async () => (await seekdbAdmin.getDatabase('sdk_admin_db2')).name);
    await step('seekdb-admin-delete', () => seekdbAdmin.deleteDatabase('sdk_admin_db2'));
    await step('seekdb-admin-list', async () => (await seekdbAdmin.listDatabases()).map(each => each.name));
    await seekdbAdmin.close();
    await step('execute', () => client.execute('SELECT ? AS greeting, ? AS quoted', ['hello', "it's"]));
  },

  // Cross-SDK: reads what the Java client wrote (collection args[0]).
  async 'read-java'() {
    const collection = await open(args[0]);
    await step('describe', () => collection.describe());
    await step('count', () => collection.count());
    await step('get', async () => rows(await collection.get({})));
    await step('upsert', () => collection.upsert({ ids: ['j1'], documents: ['touched by javascript'] }));
  },

  // Cross-SDK: opens a collection the Java client created with its default embedding function
  // (args[0]). @seekdb/default-embed downloads its model at run time, so an offline stand-in of the
  // same name is registered: it is restored from the catalog exactly as the real one would be.
  async 'read-default-embed'() {
    class OfflineDefaultEmbed {
      constructor(config) { this.config = config; }
      get name() { return 'default-embed'; }
      get dimension() { return 384; }
      getConfig() { return this.config; }
      static buildFromConfig(config) { return new OfflineDefaultEmbed(config); }
      async generate() { throw new Error('the all-MiniLM-L6-v2 model is not available offline'); }
    }
    registerEmbeddingFunction('default-embed', OfflineDefaultEmbed);
    const collection = await client.getCollection({ name: args[0] });
    await step('embedding-function', () => [collection.embeddingFunction.name, collection.embeddingFunction.getConfig()]);
    await step('describe', () => collection.describe());
    await step('get', async () => rows(await collection.get({ include: ['documents', 'metadatas'] })));
    await step('add-document-only', () => collection.add({ ids: ['js'], documents: ['needs the model'] }));
  },

  // Cross-SDK: writes a collection (args[0]) for the Java client to read.
  async 'write-for-java'() {
    const collection = await create(args[0], 3, 'cosine');
    await step('add', () => collection.add({
      ids: ['js1', 'js2'], embeddings: [[1, 0, 0], [0, 0.5, 0.5]], documents: ['from javascript', null],
      metadatas: [{ source: 'js', n: 1.5 }, null],
    }));
    await step('upsert', () => collection.upsert({ ids: ['js3'], embeddings: [[0, 1, 0]], metadatas: [{ source: 'js', tags: ['a', 'b'] }] }));
  },

  // A user without INSERT/UPDATE: upsert must fail with a permission error and write nothing.
  async 'upsert-denied'() {
    const collection = await open(args[0]);
    await step('count-before', () => collection.count());
    await step('upsert', () => collection.upsert({ ids: ['new', 'a'], embeddings: [[1, 1], [0, 1]] }));
    await step('add', () => collection.add({ ids: ['new'], embeddings: [[1, 1]] }));
    await step('count-after', () => collection.count());
    await step('get', async () => rows(await collection.get({ include: ['embeddings'] })));
  },
};

try {
  if (!scenarios[scenario]) {
    throw new Error(`unknown scenario ${scenario}`);
  }
  await scenarios[scenario]();
}
finally {
  await client.close();
}
