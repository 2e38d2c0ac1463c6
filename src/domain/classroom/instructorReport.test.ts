import { describe, expect, it, test } from 'vitest';
import { csvCell, instructorRows, reportCsv, studentsNeedingHelp } from './instructorReport';
import type { AttemptData } from './progressFile';

const a = (id: string, over: Partial<AttemptData>): AttemptData => ({
  id, profileId: 's', scenarioId: 'coding-a', scenarioHash: 'h', module: 'coding', title: 't', startedAt: 0, finishedAt: 1000,
  durationMs: 600_000, score: 1, maxScore: 1, percent: 100, results: [], errorTypes: {}, ...over,
});

const students = [
  {
    id: 'z1', name: 'Zoe',
    attempts: [
      a('1', { percent: 60, errorTypes: { 'coding.poa-wrong': 2 }, finishedAt: 1 }),
      a('2', { percent: 90, errorTypes: { 'coding.poa-wrong': 1, 'coding.sdx-missed': 1 }, finishedAt: 2 }),
      a('3', { module: 'roi', scenarioId: 'roi-b', percent: 100, durationMs: 300_000, finishedAt: Date.UTC(2026, 2, 3, 14, 5) }),
    ],
  },
  { id: 'b1', name: 'Ben', attempts: [] },
];

describe('instructorRows', () => {
  const rows = instructorRows(students);

  it('gives each student an overall row and a row per module, by name', () => {
    expect(rows.map((r) => `${r.student}/${r.module}`)).toEqual(['Ben/all', 'Zoe/all', 'Zoe/coding', 'Zoe/roi']);
  });

  it('grades on each case’s best score and reports time on task and error types', () => {
    const all = rows.find((r) => r.student === 'Zoe' && r.module === 'all')!;
    expect(all).toMatchObject({ attempts: 3, distinctCases: 2, bestMeanPercent: 95, meanPercent: 83.3, latestPercent: 100, timeOnTaskMinutes: 25, topErrorTypes: ['coding.poa-wrong×3', 'coding.sdx-missed×1'] });
    const coding = rows.find((r) => r.student === 'Zoe' && r.module === 'coding')!;
    expect(coding).toMatchObject({ attempts: 2, distinctCases: 1, bestMeanPercent: 90, latestPercent: 90 });
  });

  it('flags students under the 95% standard or without activity', () => {
    expect(studentsNeedingHelp(instructorRows([...students, { id: 'c', name: 'Cy', attempts: [a('9', { percent: 80 })] }])).map((r) => r.student)).toEqual(['Ben', 'Cy']);
  });
});

describe('CSV', () => {
  test.each<[string | number, string]>([
    ['plain', 'plain'],
    [42.5, '42.5'],
    ['O\'Brien, Pat', '"O\'Brien, Pat"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@sum', "'@sum"],
    [-2, '-2'],
  ])('csvCell(%j) = %s', (value, expected) => expect(csvCell(value)).toBe(expected));

  it('writes a header and one CRLF-terminated row per report row', () => {
    const csv = reportCsv(instructorRows(students));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('student,student_id,module,attempts,distinct_cases,best_score_mean_percent,mean_percent,latest_percent,time_on_task_minutes,top_error_types,last_activity_utc');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('');
    expect(lines[4]).toBe('Zoe,z1,roi,1,1,100,100,100,5,,2026-03-03 14:05');
    expect(lines[2]).toContain('coding.poa-wrong×3; coding.sdx-missed×1');
  });
});
