function (doc) {
  // The value names what a certificate id needs, so the certificates list can skip the booking documents.
  if (doc.type === 'booking') {
    emit([doc.owner, doc.sessionStart, doc._id], { sessionId: doc.sessionId, seats: doc.seats });
  }
}
