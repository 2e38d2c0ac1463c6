import { describe, expect, it } from 'vitest';
import { catalogueStatus } from './catalogueStatus';

describe('catalogueStatus', () => {
  it.each([
    ['new', [], [], 'New'],
    ['in progress', [], [{ scenarioId: 's', scenarioHash: 'h' }], 'In progress'],
    ['in progress on an updated file', [], [{ scenarioId: 's', scenarioHash: 'old' }], 'In progress (case file updated since)'],
    ['done with the best score', [{ scenarioId: 's', percent: 60, finishedAt: 1 }, { scenarioId: 's', percent: 85.5, finishedAt: 2 }], [], 'Done: best 85.5% (2 attempts)'],
  ])('%s', (_l, attempts, progress, label) => {
    expect(catalogueStatus('s', 'h', attempts, progress).label).toBe(label);
  });
});
