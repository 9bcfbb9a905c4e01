function (doc) {
  if (doc.type === 'session' && doc.days && doc.days.length) {
    emit([doc.courseId, doc.days[0].start], null);
  }
}
