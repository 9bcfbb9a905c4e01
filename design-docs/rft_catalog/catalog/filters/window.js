function (doc, req) {
  // Deletion stubs carry no fields, so every deletion passes: a filter that hid them would leave stale copies on devices.
  if (doc._deleted) {
    return true;
  }
  if (doc.type === 'course') {
    return true;
  }
  if (doc.type !== 'session') {
    return false;
  }
  var query = req.query || {};
  // Compared as instants, not strings, so that "2025-03-01" and offsets other than Z still order correctly.
  var from = query.from ? Date.parse(query.from) : -Infinity;
  var to = query.to ? Date.parse(query.to) : Infinity;
  var days = doc.days || [];
  for (var i = 0; i < days.length; i++) {
    if (Date.parse(days[i].start) < to && Date.parse(days[i].end) > from) {
      return true;
    }
  }
  return false;
}
