import { useEffect, useState } from 'react';
import { apiRequest } from '../../../shared/api-client';

interface Expiring {
  number: string;
  attendeeName: string;
  courseTitle: string;
  expiresOn: string;
  attendeeEmail: string | null;
  contact: { name: string; email: string } | null;
}

/** People to invite to a requalification course; needs the server, so it is simply absent offline. */
export function ExpiringCertificates() {
  const [list, setList] = useState<Expiring[] | null>(null);
  useEffect(() => {
    let current = true;
    apiRequest('/api/certificates/expiring?days=90').then(
      (body) => current && setList((body as { certificates: Expiring[] }).certificates),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  if (!list) return null;
  return (
    <section aria-label="Certificates expiring in 90 days">
      <h2>Certificates expiring in the next 90 days</h2>
      {list.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {list.map((item) => (
            <li key={item.number}>
              {item.attendeeName} ({item.courseTitle}) expires {item.expiresOn} · {item.attendeeEmail ?? 'no attendee email'} · contact{' '}
              {item.contact ? `${item.contact.name} <${item.contact.email}>` : 'unknown'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
