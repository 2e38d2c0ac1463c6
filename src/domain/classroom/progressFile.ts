/**
 * The progress file a student hands in (issue 10 §5): every finished attempt and answered drill, with a
 * SHA-256 checksum over the content, so an instructor's import detects a file that was edited or damaged.
 *
 * Honest limits: the checksum is tamper-evident, not a signature. It catches edits made by hand, by a
 * spreadsheet or by a broken transfer; someone who reads this source can recompute it. Nothing here needs a
 * server or an account (product.md: no server, private by construction).
 */
import * as v from 'valibot';

export const PROGRESS_FORMAT = 'him-sim/progress@1';
/** A class's files stay far below this; anything larger is not a progress file. */
export const MAX_PROGRESS_FILE_BYTES = 20 * 1024 * 1024;

const finiteNumber = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(finiteNumber, v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const findingSchema = v.object({
  outcome: v.picklist(['correct', 'partial', 'incorrect', 'missed', 'extra', 'info']),
  errorType: v.optional(v.string()),
  subject: v.string(),
  message: v.string(),
  points: finiteNumber,
  maxPoints: finiteNumber,
  citation: v.optional(v.object({ source: v.string(), section: v.string(), text: v.optional(v.string()) })),
  evidence: v.optional(v.object({ documentId: v.string(), quote: v.optional(v.string()) })),
});

export const attemptSchema = v.object({
  id,
  profileId: id,
  scenarioId: id,
  scenarioHash: v.string(),
  module: v.string(),
  title: v.string(),
  startedAt: nonNegative,
  finishedAt: nonNegative,
  durationMs: nonNegative,
  score: finiteNumber,
  maxScore: nonNegative,
  percent: v.pipe(finiteNumber, v.minValue(0), v.maxValue(100)),
  results: v.array(v.object({ stepId: v.string(), taskType: v.string(), score: finiteNumber, maxScore: finiteNumber, findings: v.array(findingSchema) })),
  errorTypes: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))),
  origin: v.optional(v.string()),
});
export type AttemptData = v.InferOutput<typeof attemptSchema>;

export const reviewLogSchema = v.object({
  id,
  profileId: id,
  errorType: v.string(),
  drillKind: v.string(),
  answeredAt: nonNegative,
  correct: v.boolean(),
});
export type ReviewLogData = v.InferOutput<typeof reviewLogSchema>;

export const progressFileSchema = v.object({
  format: v.literal(PROGRESS_FORMAT),
  exportedAt: nonNegative,
  student: v.object({ id, name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
  attempts: v.array(attemptSchema),
  reviewLogs: v.array(reviewLogSchema),
  checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
});
export type ProgressFile = v.InferOutput<typeof progressFileSchema>;

/**
 * JSON with object keys sorted at every level (RFC 8785-style canonical form for our plain data), so the
 * checksum does not depend on key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}

/** SHA-256 (Web Crypto, FIPS 180-4) of a text, as lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function checksumOf(content: Omit<ProgressFile, 'checksum'>): Promise<string> {
  return `sha256:${await sha256Hex(canonicalJson(content))}`;
}

/** Builds a progress file (as text) from a learner's record. */
export async function buildProgressFile(
  student: { id: string; name: string },
  attempts: readonly AttemptData[],
  reviewLogs: readonly ReviewLogData[],
  exportedAt: number,
): Promise<string> {
  const content: Omit<ProgressFile, 'checksum'> = { format: PROGRESS_FORMAT, exportedAt, student: { id: student.id, name: student.name }, attempts: [...attempts], reviewLogs: [...reviewLogs] };
  const file: ProgressFile = { ...content, checksum: await checksumOf(content) };
  return JSON.stringify(file, null, 1);
}

export type ReadResult = { ok: true; file: ProgressFile } | { ok: false; error: string };

/**
 * Reads a progress file: JSON, then the format tag, then the checksum over the content as written, then the
 * schema of every attempt. Every refusal says what is wrong in plain words, naming the file.
 */
export async function readProgressFile(fileName: string, text: string): Promise<ReadResult> {
  const fail = (error: string): ReadResult => ({ ok: false, error: `${fileName}: ${error}` });
  if (text.length > MAX_PROGRESS_FILE_BYTES) return fail('is too large to be a HIM Sim progress file.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('is not a HIM Sim progress file (it is not valid JSON). Export a new file from the Progress page.');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('is not a HIM Sim progress file.');
  const record = raw as Record<string, unknown>;
  if (record.format !== PROGRESS_FORMAT) {
    return fail(typeof record.format === 'string' ? `has format "${record.format}"; this version reads "${PROGRESS_FORMAT}".` : 'is not a HIM Sim progress file (no format tag).');
  }
  if (typeof record.checksum !== 'string') return fail('has no checksum, so it cannot be trusted. Export a new file from the Progress page.');
  const { checksum, ...content } = record;
  const expected = `sha256:${await sha256Hex(canonicalJson(content))}`;
  if (checksum !== expected) {
    return fail('was changed after it was exported (its checksum does not match its content). Ask the student to export a new file; do not edit progress files.');
  }
  const parsed = v.safeParse(progressFileSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
    return fail(`is damaged: ${path ? `${path.replace(/^\./, '')}: ` : ''}${issue.message}.`);
  }
  const file = parsed.output;
  const foreign = file.attempts.find((a) => a.profileId !== file.student.id);
  if (foreign) return fail(`mixes students: attempt ${foreign.id} belongs to another profile.`);
  const ids = new Set<string>();
  for (const a of file.attempts) {
    if (ids.has(a.id)) return fail(`lists attempt ${a.id} twice.`);
    ids.add(a.id);
  }
  return { ok: true, file };
}

export interface MergeReport<T> {
  merged: T[];
  added: number;
  /** Already present with identical content. */
  duplicates: number;
  /** Same id but different content: the stored one is kept, nothing is lost. */
  conflicts: string[];
}

/**
 * Merges records by id without duplicating or losing any: new ids are added, identical ones skipped, and a
 * changed record under a known id keeps the stored version and is reported.
 */
export function mergeById<T extends { id: string }>(existing: readonly T[], incoming: readonly T[]): MergeReport<T> {
  const byId = new Map(existing.map((x) => [x.id, x]));
  let added = 0;
  let duplicates = 0;
  const conflicts: string[] = [];
  for (const item of incoming) {
    const known = byId.get(item.id);
    if (!known) {
      byId.set(item.id, item);
      added++;
    } else if (canonicalJson(known) === canonicalJson(item)) duplicates++;
    else conflicts.push(item.id);
  }
  return { merged: [...byId.values()], added, duplicates, conflicts };
}
