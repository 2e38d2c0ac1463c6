/**
 * Hash routing: the app is served as static files (classrooms have no server), so routes live in the hash:
 * #/ (profiles), #/catalogue, #/case/<scenario id>, #/results/<attempt id>, #/drg, #/progress,
 * #/shift, #/review, #/instructor, #/practice/<module>[/<seed>] (generated practice cases).
 */
export type Route =
  | { name: 'home' }
  | { name: 'catalogue' }
  | { name: 'case'; scenarioId: string }
  | { name: 'results'; attemptId: string }
  | { name: 'drg' }
  | { name: 'progress' }
  | { name: 'shift' }
  | { name: 'review' }
  | { name: 'instructor' }
  | { name: 'practice'; module: string; seed: number | null }
  | { name: 'not-found'; path: string };

/** Parses a location hash into a route. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'catalogue' && parts.length === 1) return { name: 'catalogue' };
  if (parts[0] === 'case' && parts[1]) return { name: 'case', scenarioId: parts[1] };
  if (parts[0] === 'results' && parts[1]) return { name: 'results', attemptId: parts[1] };
  if (parts[0] === 'drg') return { name: 'drg' };
  if (parts[0] === 'progress') return { name: 'progress' };
  if (parts[0] === 'shift') return { name: 'shift' };
  if (parts[0] === 'review') return { name: 'review' };
  if (parts[0] === 'instructor') return { name: 'instructor' };
  if (parts[0] === 'practice' && parts[1]) {
    const seed = parts[2] !== undefined && /^\d{1,9}$/.test(parts[2]) ? Number(parts[2]) : null;
    return { name: 'practice', module: parts[1], seed };
  }
  return { name: 'not-found', path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'catalogue':
      return '#/catalogue';
    case 'case':
      return `#/case/${encodeURIComponent(route.scenarioId)}`;
    case 'results':
      return `#/results/${encodeURIComponent(route.attemptId)}`;
    case 'drg':
      return '#/drg';
    case 'progress':
      return '#/progress';
    case 'shift':
      return '#/shift';
    case 'review':
      return '#/review';
    case 'instructor':
      return '#/instructor';
    case 'practice':
      return `#/practice/${encodeURIComponent(route.module)}${route.seed === null ? '' : `/${route.seed}`}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

export function createRouter() {
  let route = $state<Route>(parseHash(globalThis.location?.hash ?? ''));
  const onHashChange = () => {
    route = parseHash(location.hash);
  };
  globalThis.addEventListener?.('hashchange', onHashChange);
  return {
    get route() {
      return route;
    },
    go(next: Route) {
      location.hash = hrefFor(next);
      route = next;
    },
    destroy() {
      globalThis.removeEventListener?.('hashchange', onHashChange);
    },
  };
}
