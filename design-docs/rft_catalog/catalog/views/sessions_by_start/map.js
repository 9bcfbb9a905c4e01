function (doc) {
  if (doc.type === 'session' && doc.days && doc.days.length) {
    emit(doc.days[0].start, null);
  }
}
