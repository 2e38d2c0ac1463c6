import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, type Route } from './router.svelte';

describe('hash router', () => {
  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/catalogue', { name: 'catalogue' }],
    ['#/case/coding-x', { name: 'case', scenarioId: 'coding-x' }],
    ['#/results/abc', { name: 'results', attemptId: 'abc' }],
    ['#/drg', { name: 'drg' }],
    ['#/progress', { name: 'progress' }],
    ['#/shift', { name: 'shift' }],
    ['#/review', { name: 'review' }],
    ['#/instructor', { name: 'instructor' }],
    ['#/nope', { name: 'not-found', path: '/nope' }],
  ])('parses %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    if (route.name !== 'not-found' && hash) expect(parseHash(hrefFor(route))).toEqual(route);
  });
});
