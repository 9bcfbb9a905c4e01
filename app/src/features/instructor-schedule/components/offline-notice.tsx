/** Schedule changes need the server's overlap check and seat ledger, so offline the forms wait instead of failing. */
export function OfflineNotice() {
  return (
    <p role="status" className="offline-notice">
      You are offline. Schedule changes need the server, so saving is off until the connection is back.
    </p>
  );
}
