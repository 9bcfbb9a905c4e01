function (doc) {
  // Only pending and confirmed bookings hold seats; the _sum gives seats taken per session.
  if (doc.type === 'booking' && (doc.status === 'pending' || doc.status === 'confirmed')) {
    emit(doc.sessionId, doc.seats);
  }
}
