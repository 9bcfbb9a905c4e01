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

  function isText(value) {
    return typeof value === 'string' && value.length > 0;
  }

  function validateBooking(booking) {
    if (booking._id.indexOf('booking:') !== 0) {
      forbid('A booking document id must start with "booking:".');
    }
    var status = booking.status;
    if (status !== 'pending' && status !== 'confirmed' && status !== 'cancelled' && status !== 'rejected') {
      forbid('A booking status is pending, confirmed, cancelled or rejected.');
    }
    var seats = booking.seats;
    if (typeof seats !== 'number' || seats % 1 !== 0 || seats < 1 || seats > 12) {
      forbid('A booking holds 1 to 12 seats.');
    }
    if (!isArray(booking.attendees) || booking.attendees.length !== seats) {
      forbid('A booking names one attendee per seat.');
    }
    for (var i = 0; i < booking.attendees.length; i++) {
      if (!booking.attendees[i] || !isText(booking.attendees[i].name)) {
        forbid('A booking names one attendee per seat.');
      }
    }
    // The key of the booking's entry in the public seat ledger, which must not name the booking.
    // Bookings finished before hold ids existed may lack one; a booking that holds seats may not.
    var holds = status === 'pending' || status === 'confirmed';
    if ((holds || booking.holdId !== undefined) && (typeof booking.holdId !== 'string' || !/^[0-9a-f]{32}$/.test(booking.holdId))) {
      forbid('A booking needs a holdId of 32 hex digits.');
    }
    var required = ['owner', 'sessionId', 'courseId', 'sessionStart', 'createdAt'];
    for (var r = 0; r < required.length; r++) {
      if (!isText(booking[required[r]])) {
        forbid('A booking needs ' + required[r] + '.');
      }
    }
  }

  if (newDoc._id.indexOf('_design/') === 0) {
    if (!hasRole('_admin')) {
      forbid('Only a database admin may change design documents.');
    }
    return;
  }

  // Server admins pass: they can replace this function anyway, and may repair data by hand.
  if (!hasRole('rft_sync') && !hasRole('_admin')) {
    forbid('Only the sync-server writes bookings; book through the API.');
  }

  // A deletion stub carries no fields to check.
  if (newDoc._deleted) {
    return;
  }

  if (newDoc.type !== 'booking') {
    forbid('The bookings database holds only booking documents.');
  }
  validateBooking(newDoc);
}
