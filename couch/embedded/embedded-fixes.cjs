// Makes pouchdb-server 4.2.0 store replicated revisions like CouchDB does.
//
// pouchdb-validation overwrites every incoming document's `_revisions` with the stored document's
// history before it runs validate_doc_update. With `new_edits: false` (replication, the device's
// offline queue) `_revisions` IS the new revision's history, so an update to an existing document,
// or a second conflicting revision, was acknowledged and silently dropped. Here each replicated
// document keeps its own `_revisions`; validate_doc_update still runs on it.
const validation = require('pouchdb-validation');

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
