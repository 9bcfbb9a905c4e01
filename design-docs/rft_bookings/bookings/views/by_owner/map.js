function (doc) {
  if (doc.type === 'booking') {
    emit([doc.owner, doc.sessionStart, doc._id], null);
  }
}
