function (doc) {
  if (doc.type === 'booking') {
    emit([doc.owner, doc.createdAt], null);
  }
}
