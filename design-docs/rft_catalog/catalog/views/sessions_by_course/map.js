function (doc) {
  if (doc.type === 'session' && doc.days && doc.days.length) {
    emit([doc.courseId, doc.days[0].start, doc._id], null);
  }
}
