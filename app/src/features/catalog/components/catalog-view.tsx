import type { ReplicationState } from '../api/replicate-catalog';
import { useCatalog } from '../hooks/use-catalog';
import { CourseCard } from './course-card';
import { SyncStatus } from './sync-status';

interface CatalogViewProps {
  replication: ReplicationState;
  onRetry: () => void;
}

/** The course list, read from the device's copy so it works with no connection. */
export function CatalogView({ replication, onRetry }: CatalogViewProps) {
  const catalog = useCatalog();
  return (
    <section className="catalog" aria-labelledby="catalog-heading" aria-busy={catalog.status === 'loading'}>
      <h1 id="catalog-heading">Courses</h1>
      <SyncStatus state={replication} onRetry={onRetry} />
      {catalog.status === 'error' && <p role="alert">Could not read the saved courses: {catalog.message}</p>}
      {catalog.status === 'ready' && catalog.courses.length === 0 && <p>No courses to show yet.</p>}
      {catalog.status === 'ready' && catalog.courses.map((listing) => <CourseCard key={listing.courseId} listing={listing} />)}
    </section>
  );
}
