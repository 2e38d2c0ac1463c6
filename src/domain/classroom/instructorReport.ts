/**
 * The instructor view and gradebook export (issue 10 §5): per student and per module, the scores, the error
 * types and the time on task, from the progress files students handed in.
 */
import type { AttemptData } from './progressFile';

export interface StudentAttempts {
  id: string;
  name: string;
  attempts: readonly AttemptData[];
}

export interface ReportRow {
  studentId: string;
  student: string;
  /** A module id, or "all" for the student's overall row. */
  module: string;
  attempts: number;
  distinctCases: number;
  /** Mean of each case's best score: the usual gradebook rule (a retake replaces a lower score). */
  bestMeanPercent: number;
  meanPercent: number;
  latestPercent: number;
  timeOnTaskMinutes: number;
  /** Most frequent error types with counts, e.g. "coding.poa-wrong×3". */
  topErrorTypes: string[];
  lastActivity: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function summarise(student: StudentAttempts, module: string, attempts: readonly AttemptData[], topN: number): ReportRow {
  const sorted = [...attempts].sort((a, b) => a.finishedAt - b.finishedAt);
  const best = new Map<string, number>();
  for (const a of sorted) best.set(a.scenarioId, Math.max(best.get(a.scenarioId) ?? 0, a.percent));
  const errors = new Map<string, number>();
  for (const a of sorted) for (const [type, n] of Object.entries(a.errorTypes)) errors.set(type, (errors.get(type) ?? 0) + n);
  const n = sorted.length;
  return {
    studentId: student.id,
    student: student.name,
    module,
    attempts: n,
    distinctCases: best.size,
    bestMeanPercent: n ? round1([...best.values()].reduce((s, x) => s + x, 0) / best.size) : 0,
    meanPercent: n ? round1(sorted.reduce((s, a) => s + a.percent, 0) / n) : 0,
    latestPercent: sorted.at(-1)?.percent ?? 0,
    timeOnTaskMinutes: round1(sorted.reduce((s, a) => s + a.durationMs, 0) / 60_000),
    topErrorTypes: [...errors]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topN)
      .map(([type, count]) => `${type}×${count}`),
    lastActivity: sorted.at(-1)?.finishedAt ?? 0,
  };
}

/** One overall row per student ("all"), then one row per module they worked, students sorted by name. */
export function instructorRows(students: readonly StudentAttempts[], topErrorTypes = 3): ReportRow[] {
  return [...students]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .flatMap((student) => {
      const modules = [...new Set(student.attempts.map((a) => a.module))].sort();
      return [
        summarise(student, 'all', student.attempts, topErrorTypes),
        ...modules.map((m) => summarise(student, m, student.attempts.filter((a) => a.module === m), topErrorTypes)),
      ];
    });
}

/**
 * Which students need help: overall best-score mean under the 95% accuracy standard (him-rules.md PROD-5)
 * or no activity, lowest first.
 */
export function studentsNeedingHelp(rows: readonly ReportRow[], standard = 95): ReportRow[] {
  return rows.filter((r) => r.module === 'all' && (r.attempts === 0 || r.bestMeanPercent < standard)).sort((a, b) => a.bestMeanPercent - b.bestMeanPercent);
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR: OWASP "CSV injection") is prefixed with an
 * apostrophe, because student names are typed by students.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'student',
  'student_id',
  'module',
  'attempts',
  'distinct_cases',
  'best_score_mean_percent',
  'mean_percent',
  'latest_percent',
  'time_on_task_minutes',
  'top_error_types',
  'last_activity_utc',
] as const;

/** The gradebook CSV (RFC 4180, CRLF line ends, header row), one row per student and module. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.student,
        r.studentId,
        r.module,
        r.attempts,
        r.distinctCases,
        r.bestMeanPercent,
        r.meanPercent,
        r.latestPercent,
        r.timeOnTaskMinutes,
        r.topErrorTypes.join('; '),
        r.lastActivity ? new Date(r.lastActivity).toISOString().slice(0, 16).replace('T', ' ') : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
