function (newDoc, oldDoc, userCtx) {
  // A design function runs alone in CouchDB and cannot import: the helpers below repeat in each database's validate_doc_update.
  var roles = (userCtx && userCtx.roles) || [];

  function hasRole(role) {
    return roles.indexOf(role) !== -1;
  }

  function forbid(message) {
    throw({ forbidden: message });
  }

  function isText(value) {
    return typeof value === 'string' && value.length > 0;
  }

  function isCount(value) {
    return typeof value === 'number' && value % 1 === 0 && value >= 0;
  }

  function isInstant(value) {
    return isText(value) && !isNaN(Date.parse(value));
  }

  function requireId(doc, parts) {
    var expected = parts.join(':');
    if (doc._id !== expected) {
      forbid('The _id must be "' + expected + '".');
    }
  }

  function validateCommon(doc) {
    if (!isText(doc.sessionId) || !isText(doc.bookingId)) {
      forbid('sessionId and bookingId are required.');
    }
    if (!isCount(doc.attendee)) {
      forbid('attendee must be a whole number, 0 or more.');
    }
  }

  function keepsMark(doc, old) {
    var fields = ['type', 'status', 'result', 'marks', 'notes', 'markedBy', 'markedAt'];
    if (!old) {
      return false;
    }
    for (var i = 0; i < fields.length; i++) {
      if (doc[fields[i]] !== old[fields[i]]) {
        return false;
      }
    }
    return true;
  }

  function validateMark(doc) {
    // Merging conflicting marks from two devices keeps the winning mark's author: a device may write
    // another writer's mark only unchanged from the revision it extends; the sync-server may always.
    if (doc.markedBy !== userCtx.name && !hasRole('rft_sync') && !keepsMark(doc, oldDoc)) {
      forbid('markedBy must be your own user name.');
    }
    if (!isInstant(doc.markedAt)) {
      forbid('markedAt must be an ISO date-time.');
    }
    if (!isInstant(doc.sessionStart)) {
      forbid('sessionStart must be an ISO date-time.');
    }
    if (typeof doc.notes !== 'string') {
      forbid('notes must be text (it may be empty).');
    }
  }

  function validateAttendance(doc) {
    validateCommon(doc);
    if (!isCount(doc.day)) {
      forbid('day must be a whole number, 0 or more.');
    }
    requireId(doc, ['attendance', doc.sessionId, doc.bookingId, doc.attendee, doc.day]);
    var status = doc.status;
    if (status !== 'present' && status !== 'late' && status !== 'absent' && status !== 'left-early') {
      forbid('Attendance status is present, late, absent or left-early.');
    }
    validateMark(doc);
    if (doc.history !== undefined && Object.prototype.toString.call(doc.history) !== '[object Array]') {
      forbid('history must be a list.');
    }
  }

  function validateAssessment(doc) {
    validateCommon(doc);
    requireId(doc, ['assessment', doc.sessionId, doc.bookingId, doc.attendee]);
    if (doc.result !== 'pass' && doc.result !== 'fail') {
      forbid('An assessment result is pass or fail.');
    }
    validateMark(doc);
  }

  function validateCounter(doc) {
    if (!/^certificate-counter:\d{4}$/.test(doc._id)) {
      forbid('A certificate counter _id is "certificate-counter:<year>".');
    }
    if (!isCount(doc.next)) {
      forbid('A certificate counter needs next, a whole number.');
    }
  }

  function validateCertificate(doc) {
    validateCommon(doc);
    requireId(doc, ['certificate', doc.sessionId, doc.bookingId, doc.attendee]);
    if (!isText(doc.number)) {
      forbid('A certificate needs a number.');
    }
  }

  if (newDoc._id.indexOf('_design/') === 0) {
    if (!hasRole('_admin')) {
      forbid('Only a database admin may change design documents.');
    }
    return;
  }

  // Judged by id prefix and both revisions, so that a certificate cannot be relabelled as another type and rewritten.
  // The prefix also covers the certificate-counter documents that hand out certificate numbers.
  var isCertificate = newDoc._id.indexOf('certificate') === 0 ||
    newDoc.type === 'certificate' ||
    (oldDoc && oldDoc.type === 'certificate');
  if (isCertificate && !hasRole('rft_sync') && !hasRole('_admin')) {
    forbid('Only the sync-server issues certificates.');
  }

  // Server admins pass: they can replace this function anyway, and may repair data by hand.
  if (!hasRole('instructor') && !hasRole('rft_sync') && !hasRole('_admin')) {
    forbid('Only the instructor records attendance and assessments.');
  }

  // A deletion stub carries no fields to check.
  if (newDoc._deleted) {
    return;
  }

  if (newDoc.type === 'attendance') {
    validateAttendance(newDoc);
  } else if (newDoc.type === 'assessment') {
    validateAssessment(newDoc);
  } else if (newDoc.type === 'certificate') {
    validateCertificate(newDoc);
  } else if (newDoc.type === 'certificate-counter') {
    validateCounter(newDoc);
  } else {
    forbid('The attendance database holds only attendance, assessment and certificate documents.');
  }
}
