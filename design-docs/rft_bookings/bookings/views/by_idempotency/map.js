function (doc) {
  if (doc.type === 'booking' && doc.idempotencyKey) {
    emit([doc.owner, doc.idempotencyKey], null);
  }
}
