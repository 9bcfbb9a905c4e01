function (doc, req) {
  // A design function runs alone in CouchDB and cannot import: the deletion and date-window checks repeat in each filter.
  // Deletion stubs carry no fields, so every deletion passes: a filter that hid them would leave stale copies on devices.
  if (doc._deleted) {
    return true;
  }
  if (doc.type !== 'booking') {
    return false;
  }
  var query = req.query || {};
  // Compared as instants, not strings, so that "2025-03-01" and offsets other than Z still order correctly.
  var start = Date.parse(doc.sessionStart);
  if (query.from && !(start >= Date.parse(query.from))) {
    return false;
  }
  if (query.to && !(start < Date.parse(query.to))) {
    return false;
  }
  return true;
}
