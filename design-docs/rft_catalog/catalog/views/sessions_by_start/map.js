function (doc) {
  // The id makes every key unique, so a page of a list can start exactly after the last row it sent.
  if (doc.type === 'session' && doc.days && doc.days.length) {
    emit([doc.days[0].start, doc._id], null);
  }
}
