import { useState } from 'react';
import { apiRequest, ApiError } from '../../../shared/api-client';

const sessionPath = (sessionId: string) => `/api/courses/sessions/${encodeURIComponent(sessionId)}`;

/** Issuing needs the server (certificate numbers are handed out there), so it says so when offline. */
export function CertificateActions({ sessionId, eligible }: { sessionId: string; eligible: number }) {
  const [message, setMessage] = useState('');
  const issue = async () => {
    try {
      const result = (await apiRequest(`${sessionPath(sessionId)}/certificates`, { method: 'POST', body: {} })) as { issued: unknown[]; alreadyIssued: unknown[] };
      setMessage(`Issued ${result.issued.length} certificate(s); ${result.alreadyIssued.length} already issued.`);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : 'Could not issue certificates.');
    }
  };
  return (
    <p className="certificate-actions">
      <button type="button" className="button" disabled={eligible === 0} onClick={() => void issue()}>
        Issue certificates ({eligible} eligible)
      </button>{' '}
      <a href={`${sessionPath(sessionId)}/register.csv`} download>
        Download register (CSV)
      </a>
      {message && <span role="status"> {message}</span>}
    </p>
  );
}
