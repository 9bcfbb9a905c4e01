function (doc) {
  if (doc.type === 'course') {
    emit([doc.title, doc._id], null);
  }
}
