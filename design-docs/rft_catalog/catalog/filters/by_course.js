function (doc, req) {
  // Deletion stubs carry no fields, so every deletion passes: a filter that hid them would leave stale copies on devices.
  if (doc._deleted) {
    return true;
  }
  var courseId = req.query && req.query.courseId;
  if (!courseId) {
    return false;
  }
  if (doc.type === 'course') {
    return doc._id === courseId;
  }
  if (doc.type === 'session') {
    return doc.courseId === courseId;
  }
  return false;
}
