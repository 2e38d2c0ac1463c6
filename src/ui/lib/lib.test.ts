import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimestamp } from './format';
import { splitForHighlight } from './highlight';

describe('formatTimestamp / formatDuration', () => {
  it('prints dates the way US EHRs do', () => {
    expect(formatTimestamp('2026-01-14T22:47')).toBe('01/14/2026 22:47');
    expect(formatTimestamp('2026-01-14')).toBe('01/14/2026');
    expect(formatTimestamp('garbage')).toBe('garbage');
  });
  it('prints durations', () => {
    expect(formatDuration(12 * 60000)).toBe('12 min');
    expect(formatDuration(65 * 60000)).toBe('1 h 05 min');
  });
});

describe('splitForHighlight', () => {
  it('marks the quote even when the chart wraps it across lines', () => {
    const parts = splitForHighlight('A/P:\n1. Sepsis ruled\n   out today.', 'Sepsis ruled out');
    expect(parts).toEqual([
      { text: 'A/P:\n1. ', marked: false },
      { text: 'Sepsis ruled\n   out', marked: true },
      { text: ' today.', marked: false },
    ]);
  });
  it('leaves text alone when the quote is absent or has regex characters', () => {
    expect(splitForHighlight('abc', 'x(y')).toEqual([{ text: 'abc', marked: false }]);
    expect(splitForHighlight('abc', null)).toEqual([{ text: 'abc', marked: false }]);
  });
});
