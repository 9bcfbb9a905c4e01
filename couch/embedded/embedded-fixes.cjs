// Makes pouchdb-server 4.2.0 store replicated revisions like CouchDB does.
//
// pouchdb-validation overwrites every incoming document's `_revisions` with the stored document's
// history before it runs validate_doc_update. With `new_edits: false` (replication, the device's
// offline queue) `_revisions` IS the new revision's history, so an update to an existing document,
// or a second conflicting revision, was acknowledged and silently dropped. Here each replicated
// document keeps its own `_revisions`; validate_doc_update still runs on it.
const { dirname } = require('node:path');
const validation = require('pouchdb-validation');

/** A module as pouchdb-server itself resolves it, from its own dependencies. */
const besidePouchdbServer = (module) => require.resolve(module, { paths: [dirname(require.resolve('pouchdb-server/package.json'))] });
/** A file of the express-pouchdb that pouchdb-server loads. */
const expressPouchdb = (file) => besidePouchdbServer(`express-pouchdb/${file}`);

const keepOwnRevisions = (doc) => {
  if (!doc || typeof doc !== 'object' || !doc._revisions) return;
  const revisions = doc._revisions;
  Object.defineProperty(doc, '_revisions', { get: () => revisions, set: () => {}, enumerable: true, configurable: true });
};

const install = validation.installValidationMethods;
validation.installValidationMethods = function installValidationMethodsKeepingRevisions() {
  install.apply(this, arguments);
  const validatingBulkDocs = this.bulkDocs;
  this.bulkDocs = function bulkDocs(docs, options, callback) {
    const replicated = (docs && docs.new_edits === false) || (options && typeof options === 'object' && options.new_edits === false);
    if (replicated) (Array.isArray(docs) ? docs : docs.docs || []).forEach(keepOwnRevisions);
    return validatingBulkDocs.apply(this, arguments);
  };
};

// Ends a `_changes` feed when its client goes away.
//
// express-pouchdb 4.2.0's continuous feed never stops once its client disconnects: the live feed
// keeps following the database and its heartbeat timer keeps writing to the closed response, so
// every feed anyone opened and dropped (anonymously, on the public catalog) stayed for the life of
// the server. Each request gets its own view of the database here, whose live feeds are cancelled,
// and heartbeat timers cleared, when the response closes.
const changesRoute = expressPouchdb('lib/routes/changes.js');
const registerChanges = require(changesRoute);

function endingWithTheClient(handler) {
  return function changesEndingWithTheClient(req, res, next) {
    const feeds = [];
    const timers = [];
    const db = req.db;
    // Only live feeds: cancelling a one-shot read answers it with nothing, which the route cannot take.
    req.db = Object.create(db, {
      changes: {
        value: (options, ...rest) => {
          const feed = db.changes(options, ...rest);
          if (options && (options.live || options.continuous)) feeds.push(feed);
          return feed;
        },
      },
    });
    const setInterval = global.setInterval;
    global.setInterval = (...args) => timers[timers.push(setInterval(...args)) - 1];
    res.once('close', () => {
      timers.forEach(clearInterval);
      feeds.forEach((feed) => typeof feed.cancel === 'function' && feed.cancel());
    });
    try {
      return handler(req, res, next);
    } finally {
      global.setInterval = setInterval;
    }
  };
}

require.cache[changesRoute].exports = function registerChangesEndingWithTheClient(app) {
  const route = Object.create(app);
  route.get = (path, ...handlers) => app.get(path, ...handlers.slice(0, -1), endingWithTheClient(handlers.at(-1)));
  route.post = (path, ...handlers) => app.post(path, ...handlers.slice(0, -1), endingWithTheClient(handlers.at(-1)));
  return registerChanges(route);
};

// Logs in against one `_users` database object.
//
// express-pouchdb 4.2.0 opens a new PouchDB for `_users` on every POST /_session, and pouchdb-auth
// keeps each database it was set up on in a module-level list for the life of the process: every
// log-in leaked a database object with its wrappers and listeners. Log-ins now share the first one,
// until the database is deleted (express-pouchdb's own listener then asks for a new one).
const expressUtils = require(expressPouchdb('lib/utils.js'));
const openUsersDB = expressUtils.getUsersDB;
/** Per PouchDB constructor: the `_users` database name and its opened, wrapped database. */
const usersDBs = new WeakMap();
const watched = new WeakSet();
expressUtils.getUsersDB = function getSharedUsersDB(app, PouchDB) {
  const name = expressUtils.getUsersDBName(app);
  const shared = usersDBs.get(PouchDB);
  if (shared && shared.name === name) return shared.db;
  if (!watched.has(PouchDB)) {
    watched.add(PouchDB);
    PouchDB.prependListener('destroyed', (dbName) => {
      if (usersDBs.get(PouchDB)?.name === dbName) usersDBs.delete(PouchDB);
    });
  }
  const db = openUsersDB(app, PouchDB);
  usersDBs.set(PouchDB, { name, db });
  return db;
};

// Bounds LevelDB's memory per database.
//
// Each database and each view index is a LevelDB of its own, a dozen at least, and LevelDB keeps
// every write in a memtable until that holds 4 MiB, then caches up to 8 MiB of blocks it has read.
// At this scale nothing was ever flushed: the process grew with every booking written, by about
// 10 MiB over a few minutes of load, towards 12 MiB a database. 256 KiB of each keeps the
// databases flushing to disk, where the operating system's file cache holds them.
const LevelDOWN = require(require.resolve('leveldown', { paths: [dirname(besidePouchdbServer('pouchdb-adapter-leveldb'))] }));
const openLevelDB = LevelDOWN.prototype._open;
LevelDOWN.prototype._open = function openWithBoundedMemory(options, callback) {
  return openLevelDB.call(this, { ...options, writeBufferSize: 256 << 10, cacheSize: 256 << 10 }, callback);
};

// Compacts as it writes.
//
// CouchDB compacts its databases in the background, dropping the bodies of revisions that were
// replaced; pouchdb-server never does, so every seat-ledger write kept another copy of its session
// for ever, and the data (read back through LevelDB's mapped files, part of this process's memory)
// grew with every booking. PouchDB's auto_compaction drops a replaced revision's body as it writes
// the new one; the revision tree, and so replication and conflicts, stay as they were.
const PouchDB = require(besidePouchdbServer('pouchdb-core'));
const defaults = PouchDB.defaults;
PouchDB.defaults = function defaultsCompacting(options) {
  return defaults.call(this, { auto_compaction: true, ...options });
};

// Answers `_revs_diff` as CouchDB does once revisions are compacted.
//
// CouchDB reports a revision missing only when the document's revision tree lacks it. PouchDB also
// reports one whose body was compacted away, so a replicator that saw a session one ledger write
// ago was told that revision was unknown, and its `_bulk_get?latest=true` got nothing instead of
// the session as it is now.
const { traverseRevTree } = require(require.resolve('pouchdb-merge', { paths: [dirname(besidePouchdbServer('pouchdb-core'))] }));
const revisionTree = (db, id) =>
  new Promise((resolve, reject) => db._getRevisionTree(id, (error, tree) => (error ? (error.status === 404 ? resolve([]) : reject(error)) : resolve(tree))));

async function withoutCompacted(db, diff) {
  const kept = {};
  await Promise.all(
    Object.entries(diff).map(async ([id, entry]) => {
      const inTree = new Set();
      traverseRevTree(await revisionTree(db, id), (isLeaf, pos, hash) => {
        inTree.add(`${pos}-${hash}`);
      });
      const missing = entry.missing.filter((rev) => !inTree.has(rev));
      if (missing.length) kept[id] = { ...entry, missing };
    }),
  );
  return kept;
}

const revsDiff = PouchDB.prototype.revsDiff;
PouchDB.prototype.revsDiff = function revsDiffAsCouchDB(request, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}];
  const answer = revsDiff.call(this, request, options || {}).then((diff) => withoutCompacted(this, diff));
  if (callback) answer.then((diff) => callback(null, diff), callback);
  return answer;
};
