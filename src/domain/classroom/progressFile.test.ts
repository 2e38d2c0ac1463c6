import { describe, expect, it, test } from 'vitest';
import { buildProgressFile, canonicalJson, mergeById, readProgressFile, sha256Hex, type AttemptData } from './progressFile';

const attempt = (id: string, over: Partial<AttemptData> = {}): AttemptData => ({
  id,
  profileId: 'stu-1',
  scenarioId: 'coding-a',
  scenarioHash: 'abcd1234',
  module: 'coding',
  title: 'Case A',
  startedAt: 1000,
  finishedAt: 61_000,
  durationMs: 60_000,
  score: 3,
  maxScore: 4,
  percent: 75,
  results: [{ stepId: 's1', taskType: 'coding', score: 3, maxScore: 4, findings: [{ outcome: 'incorrect', errorType: 'coding.poa-wrong', subject: 'POA', message: 'POA should be Y', points: 0, maxPoints: 0.5 }] }],
  errorTypes: { 'coding.poa-wrong': 1 },
  ...over,
});
const student = { id: 'stu-1', name: 'Ana Student' };
const log = { id: 'r1', profileId: 'stu-1', errorType: 'coding.poa-wrong', drillKind: 'poa', answeredAt: 70_000, correct: true };

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
  });
});

describe('progress files', () => {
  it('round-trips a student’s attempts and drills', async () => {
    const text = await buildProgressFile(student, [attempt('a1'), attempt('a2', { percent: 100, score: 4 })], [log], 90_000);
    const read = await readProgressFile('ana.json', text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.student).toEqual(student);
    expect(read.file.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(read.file.attempts[0]).toEqual(attempt('a1'));
    expect(read.file.reviewLogs).toEqual([log]);
  });

  it('accepts a file whose keys were reordered (the checksum is over canonical JSON)', async () => {
    const text = await buildProgressFile(student, [attempt('a1')], [], 90_000);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as Record<string, unknown>).reverse()));
    expect((await readProgressFile('x.json', reordered)).ok).toBe(true);
  });

  test.each<[string, (file: Record<string, unknown>) => unknown, RegExp]>([
    ['a raised score', (f) => ((f.attempts as AttemptData[])[0]!.percent = 100), /was changed after it was exported/],
    ['a renamed student', (f) => ((f.student as { name: string }).name = 'Someone Else'), /was changed after it was exported/],
    ['a deleted attempt', (f) => (f.attempts as unknown[]).pop(), /was changed after it was exported/],
    ['a removed checksum', (f) => delete f.checksum, /has no checksum/],
    ['another format', (f) => (f.format = 'him-sim/progress@9'), /has format "him-sim\/progress@9"/],
  ])('rejects %s with a clear message', async (_name, tamper, message) => {
    const file = JSON.parse(await buildProgressFile(student, [attempt('a1'), attempt('a2')], [], 90_000)) as Record<string, unknown>;
    tamper(file);
    const read = await readProgressFile('ana.json', JSON.stringify(file));
    expect(read).toEqual({ ok: false, error: expect.stringMatching(message) as unknown });
    if (!read.ok) expect(read.error.startsWith('ana.json: ')).toBe(true);
  });

  it('rejects malformed content even with a valid checksum, naming the field', async () => {
    const bad = { ...attempt('a1'), percent: 150 };
    const text = await buildProgressFile(student, [bad], [], 1);
    const read = await readProgressFile('x.json', text);
    expect(read).toMatchObject({ ok: false, error: expect.stringMatching(/damaged: attempts\[0\]\.percent/) as unknown });
  });

  it('rejects files that mix students or repeat an attempt', async () => {
    expect(await readProgressFile('x.json', await buildProgressFile(student, [attempt('a1', { profileId: 'other' })], [], 1))).toMatchObject({ ok: false, error: expect.stringMatching(/mixes students/) as unknown });
    expect(await readProgressFile('x.json', await buildProgressFile(student, [attempt('a1'), attempt('a1')], [], 1))).toMatchObject({ ok: false, error: expect.stringMatching(/twice/) as unknown });
  });

  test.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['a JSON array', '[1,2]', /is not a HIM Sim progress file/],
    ['JSON without a format', '{"a":1}', /no format tag/],
  ])('rejects %s', async (_name, text, message) => {
    expect(await readProgressFile('f.json', text)).toMatchObject({ ok: false, error: expect.stringMatching(message) as unknown });
  });
});

describe('mergeById', () => {
  it('adds new records, skips identical ones and keeps the stored one on a conflict', () => {
    const report = mergeById([attempt('a1'), attempt('a2')], [attempt('a2'), attempt('a3'), attempt('a1', { percent: 99 })]);
    expect(report.merged.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(report).toMatchObject({ added: 1, duplicates: 1, conflicts: ['a1'] });
    expect(report.merged.find((a) => a.id === 'a1')!.percent).toBe(75);
  });

  it('is idempotent: importing the same file twice changes nothing', () => {
    const once = mergeById([], [attempt('a1'), attempt('a2')]);
    const twice = mergeById(once.merged, [attempt('a1'), attempt('a2')]);
    expect(twice).toMatchObject({ added: 0, duplicates: 2, conflicts: [] });
    expect(twice.merged).toEqual(once.merged);
  });
});
