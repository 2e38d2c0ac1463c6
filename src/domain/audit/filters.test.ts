import { describe, expect, test } from 'vitest';
import type { AccessRow } from './accessLog';
import { buildSearchIndex, createSortIndex, distinctValues, filterRows, inHourWindow, sortRows, sortRowsIndexed, type AuditFilter } from './filters';

const row = (id: number, patch: Partial<AccessRow>): AccessRow => ({
  id,
  time: '2026-03-02T10:00',
  userId: `U${id}`,
  userName: 'Alma Abernathy',
  role: 'Registered nurse',
  department: 'ICU',
  shift: 'day',
  mrn: `SIM-${id}`,
  patientName: 'Ada Ambrose',
  patientUnit: 'ICU',
  action: 'view',
  screen: 'Notes',
  reason: 'Treatment',
  breakTheGlass: false,
  flags: [],
  ...patch,
});
const rows: AccessRow[] = [
  row(1, {}),
  row(2, { time: '2026-03-02T23:10', flags: ['off-shift'], reason: '' }),
  row(3, { department: 'L&D', patientUnit: 'ICU', reason: '', userName: 'Bao Beaumont' }),
  row(4, { department: 'Pharmacy', patientUnit: 'ICU', role: 'Pharmacist', reason: 'Medication verification' }),
  row(5, { breakTheGlass: true, flags: ['BTG'], department: 'ED', patientUnit: 'ED', time: '2026-03-03T04:00', action: 'print' }),
  row(6, { flags: ['VIP'], patientName: 'Saskia Jessop', time: '2026-03-04T09:00' }),
];

describe('filterRows (RF-1..RF-6 reports)', () => {
  test.each<[string, AuditFilter, number[]]>([
    ['no filter', {}, [0, 1, 2, 3, 4, 5]],
    ['department', { department: 'ICU' }, [0, 1, 5]],
    ['role', { role: 'Pharmacist' }, [3]],
    ['action', { action: 'print' }, [4]],
    ['flag', { flag: 'VIP' }, [5]],
    ['break-the-glass', { breakTheGlassOnly: true }, [4]],
    ['outside own unit (care staff only)', { outsideOwnUnit: true }, [2]],
    ['night hours wrap midnight', { hourFrom: 19, hourTo: 6 }, [1, 4]],
    ['date range', { from: '2026-03-03', to: '2026-03-03' }, [4]],
    ['text over user, patient and reason', { text: 'jessop' }, [5]],
    ['text is case-insensitive', { text: 'MEDICATION' }, [3]],
    ['filters combine', { department: 'ICU', hourFrom: 20, hourTo: 23 }, [1]],
  ])('%s', (_name, filter, expected) => {
    expect(filterRows(rows, filter)).toEqual(expected);
    expect(filterRows(rows, filter, buildSearchIndex(rows))).toEqual(expected);
  });

  test('inHourWindow', () => {
    expect(inHourWindow(23, 19, 6)).toBe(true);
    expect(inHourWindow(12, 19, 6)).toBe(false);
    expect(inHourWindow(9, 8, 17)).toBe(true);
  });
});

describe('sortRows', () => {
  test('sorts by a column, stable, both directions', () => {
    expect(sortRows(rows, [0, 1, 2, 3, 4, 5], 'department')).toEqual([4, 0, 1, 5, 2, 3]);
    expect(sortRows(rows, [0, 1, 2, 3, 4, 5], 'time', 'desc')).toEqual([5, 4, 1, 0, 2, 3]);
    expect(sortRows(rows, [3, 1], 'id')).toEqual([1, 3]);
  });
  test.each(['department', 'time', 'userName', 'patientUnit', 'id'] as const)('the cached sort by %s agrees with sortRows on any subset', (key) => {
    const cache = createSortIndex();
    for (const subset of [[0, 1, 2, 3, 4, 5], [5, 2, 0], [3]]) {
      expect(sortRowsIndexed(rows, subset, key, 'asc', cache)).toEqual(sortRows(rows, subset, key, 'asc'));
      expect(sortRowsIndexed(rows, subset, key, 'desc', cache)).toEqual(sortRows(rows, subset, key, 'asc').reverse());
    }
  });
  test('distinct values for drop-downs', () => {
    expect(distinctValues(rows, 'action')).toEqual(['print', 'view']);
  });
});
