import { useEffect, useState } from 'react';
import { allPages } from '../../../shared/all-pages';

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
    allPages('/api/certificates/expiring?days=90&limit=500', (body) => {
      const page = body as { certificates: Expiring[]; next: string | null };
      return { items: page.certificates, next: page.next };
    }).then(
      (certificates) => current && setList(certificates),
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
