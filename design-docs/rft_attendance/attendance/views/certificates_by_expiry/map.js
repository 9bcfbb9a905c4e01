function (doc) {
  if (doc.type === 'certificate' && doc.expiresOn) {
    emit([doc.expiresOn, doc._id], null);
  }
}
