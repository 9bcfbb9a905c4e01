function (doc) {
  if (doc.type === 'booking') {
    emit([doc.sessionStart, doc._id], null);
  }
}
