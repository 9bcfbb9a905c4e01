function (doc) {
  if (doc.type === 'booking') {
    emit([doc.status, doc.createdAt], null);
  }
}
