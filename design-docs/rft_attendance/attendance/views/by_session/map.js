function (doc) {
  if (doc.sessionId && (doc.type === 'attendance' || doc.type === 'assessment' || doc.type === 'certificate')) {
    emit([doc.sessionId, doc.type], null);
  }
}
