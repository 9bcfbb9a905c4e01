function (doc) {
  if (doc.type === 'booking') {
    emit([doc.sessionId, doc.createdAt, doc._id], null);
  }
}
