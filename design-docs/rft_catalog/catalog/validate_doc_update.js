function (newDoc, oldDoc, userCtx) {
  // A design function runs alone in CouchDB and cannot import: the helpers below repeat in each database's validate_doc_update.
  var roles = (userCtx && userCtx.roles) || [];

  function hasRole(role) {
    return roles.indexOf(role) !== -1;
  }

  function forbid(message) {
    throw({ forbidden: message });
  }

  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }

  function isWholeNumber(value, min, max) {
    return typeof value === 'number' && value % 1 === 0 && value >= min && value <= max;
  }

  function isText(value) {
    return typeof value === 'string' && value.length > 0;
  }

  function validateDays(days) {
    var message = 'A session has 1 to 5 days, each with a start and an end.';
    if (!isArray(days) || days.length < 1 || days.length > 5) {
      forbid(message);
    }
    for (var i = 0; i < days.length; i++) {
      if (!days[i] || !isText(days[i].start) || !isText(days[i].end)) {
        forbid(message);
      }
    }
  }

  // The catalog is public: a hold carries an opaque id, never anything that names a booking.
  function isHold(hold) {
    if (!hold || typeof hold !== 'object' || isArray(hold)) {
      return false;
    }
    for (var key in hold) {
      if (key !== 'holdId' && key !== 'seats' && key !== 'at') {
        return false;
      }
    }
    return typeof hold.holdId === 'string' && /^[0-9a-f]{32}$/.test(hold.holdId) &&
      isWholeNumber(hold.seats, 1, 12) && isText(hold.at);
  }

  function validateHolds(holds, capacity) {
    var message = 'Session holds must be a list of {holdId, seats, at}, the hold id 32 hex digits.';
    if (!isArray(holds)) {
      forbid(message);
    }
    var total = 0;
    var seen = {};
    for (var i = 0; i < holds.length; i++) {
      var hold = holds[i];
      if (!isHold(hold)) {
        forbid(message);
      }
      if (seen[hold.holdId]) {
        forbid('A hold appears on a session only once.');
      }
      seen[hold.holdId] = true;
      total += hold.seats;
    }
    if (total > capacity) {
      forbid('Seat holds (' + total + ') exceed the session capacity (' + capacity + ').');
    }
  }

  function validateSession(session) {
    if (!isWholeNumber(session.capacity, 1, 12)) {
      forbid('A session capacity is a whole number from 1 to 12.');
    }
    if (session.location !== 'A' && session.location !== 'B') {
      forbid('A session location must be A or B.');
    }
    if (!isText(session.courseId)) {
      forbid('A session needs a courseId.');
    }
    validateDays(session.days);
    validateHolds(session.holds || [], session.capacity);
  }

  if (newDoc._id.indexOf('_design/') === 0) {
    if (!hasRole('_admin')) {
      forbid('Only a database admin may change design documents.');
    }
    return;
  }

  // Server admins pass: they can replace this function anyway, and may seed or repair the catalog.
  if (!hasRole('rft_sync') && !hasRole('_admin')) {
    forbid('Only the sync-server may change the catalog; use the API.');
  }

  // A deletion stub carries no fields to check.
  if (newDoc._deleted) {
    return;
  }

  var type = newDoc.type;
  if (type !== 'course' && type !== 'session' && type !== 'schedule') {
    forbid('The catalog holds only course, session and schedule documents.');
  }
  if (type === 'schedule') {
    if (newDoc._id !== 'schedule') {
      forbid('The schedule document id must be "schedule".');
    }
    return;
  }
  if (newDoc._id.indexOf(type + ':') !== 0) {
    forbid('A ' + type + ' document id must start with "' + type + ':".');
  }
  if (type === 'session') {
    validateSession(newDoc);
  }
}
