import { hrefTo } from '../shared/router';

export function NotFound() {
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <a href={hrefTo('/')}>See all courses</a>
    </section>
  );
}
