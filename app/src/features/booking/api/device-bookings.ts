/** IndexedDB's name for the device's booking requests (PouchDB prefixes its databases with `_pouch_`). */
const STORE_NAME = '_pouch_rft_device_bookings';

let known = false;

/**
 * Whether this device has ever queued a booking. Most visits never book, and then PouchDB and zod
 * need not load on the page's thread at all: that parse is a long task a phone feels as a stuck tap.
 */
export const hasDeviceBookings = async (): Promise<boolean> => {
  if (known) return true;
  if (typeof indexedDB.databases !== 'function') return (known = true);
  known = (await indexedDB.databases()).some((database) => database.name === STORE_NAME);
  return known;
};
