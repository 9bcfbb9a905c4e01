function (doc) {
  if (doc.type === 'booking' && doc.holdId) {
    emit(doc.holdId, null);
  }
}
