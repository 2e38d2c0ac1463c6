import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { statusFromNarrative } from '../adt/dischargeStatus';
import { DISCHARGE_NARRATIVES, FRACTURE_ENCOUNTERS, POA_FACTS, poaIndicator, SEVENTH_CHARACTER_CODES, seventhCharacter } from './drillData';
import { drillFor, generatorFor, registerDrill } from './drills';
import { dueCards, reviewCards, reviewEvents } from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T15:00:00Z');

describe('review schedule (FSRS)', () => {
  const attempts: { finishedAt: number; errorTypes: Record<string, number> }[] = [
    { finishedAt: T0, errorTypes: { 'coding.poa-wrong': 2, 'adt.status-wrong': 1 } },
    { finishedAt: T0 + 2 * DAY, errorTypes: { 'coding.poa-wrong': 1 } },
  ];

  it('turns errors into Again reviews and drills into Good/Again, in time order', () => {
    const events = reviewEvents(attempts, [{ errorType: 'adt.status-wrong', answeredAt: T0 + DAY, correct: true }]);
    expect(events.map((e) => [e.errorType, e.grade])).toEqual([
      ['coding.poa-wrong', 'again'],
      ['adt.status-wrong', 'again'],
      ['adt.status-wrong', 'good'],
      ['coding.poa-wrong', 'again'],
    ]);
  });

  it('makes a fresh error due soon and pushes a drilled one further out', () => {
    const cards = reviewCards(reviewEvents(attempts, [{ errorType: 'adt.status-wrong', answeredAt: T0 + 3 * DAY, correct: true }]));
    const poa = cards.find((c) => c.errorType === 'coding.poa-wrong')!;
    const status = cards.find((c) => c.errorType === 'adt.status-wrong')!;
    expect(poa.occurrences).toBe(2);
    expect(poa.due).toBeLessThan(T0 + 2 * DAY + HOUR);
    expect(status.due).toBeGreaterThan(T0 + 3 * DAY);
    expect(status.reps).toBe(2);
    expect(dueCards(cards, T0 + 2 * DAY + HOUR).map((c) => c.errorType)).toEqual(['coding.poa-wrong']);
  });

  it('is recomputed identically from the same record', () => {
    const events = reviewEvents(attempts, []);
    expect(reviewCards(events)).toEqual(reviewCards([...events].reverse()));
  });

  it('brings a wrongly answered drill back', () => {
    const good = reviewCards(reviewEvents([attempts[0]!], [{ errorType: 'adt.status-wrong', answeredAt: T0 + DAY, correct: true }])).find((c) => c.errorType === 'adt.status-wrong')!;
    const bad = reviewCards(reviewEvents([attempts[0]!], [{ errorType: 'adt.status-wrong', answeredAt: T0 + DAY, correct: false }])).find((c) => c.errorType === 'adt.status-wrong')!;
    expect(bad.due).toBeLessThan(good.due);
  });
});

describe('drill answers are computed by the rules', () => {
  test.each([
    [{ phase: 'active' as const }, true, 'A'],
    [{ phase: 'active' as const, open: true }, true, 'B'],
    [{ phase: 'active' as const, open: true }, false, 'A'],
    [{ phase: 'subsequent' as const, healing: 'routine' as const }, true, 'D'],
    [{ phase: 'subsequent' as const, healing: 'delayed' as const }, true, 'G'],
    [{ phase: 'subsequent' as const, healing: 'nonunion' as const }, true, 'K'],
    [{ phase: 'subsequent' as const, healing: 'malunion' as const }, true, 'P'],
    [{ phase: 'subsequent' as const, healing: 'malunion' as const }, false, 'D'],
    [{ phase: 'sequela' as const }, true, 'S'],
  ])('7th character of %j (fracture %s) is %s', (facts, fracture, expected) => expect(seventhCharacter(facts, fracture)).toBe(expected));

  test.each([
    [{ onset: 'before-admission' as const }, 'Y'],
    [{ onset: 'after-admission' as const }, 'N'],
    [{ onset: 'undocumented' as const }, 'U'],
    [{ onset: 'clinically-undetermined' as const }, 'W'],
    [{ onset: 'before-admission' as const, exempt: true }, '1'],
  ])('POA of %j is %s', (facts, expected) => expect(poaIndicator(facts)).toBe(expected));

  test.each(DISCHARGE_NARRATIVES.map((n, i) => [n, ['06', '03', '07', '50', '62', '01', '02'][i]]))('the ADT rules read "%s" as %s', (text, expected) => {
    expect(statusFromNarrative([{ id: 'ds', type: 'discharge-summary', author: { name: 'X', role: 'attending' }, created: '2026-01-01T10:00', text: `DISPOSITION: ${text}` }]).status).toBe(expected);
  });

  it('has encounters for every fracture 7th character', () => {
    const letters = new Set(FRACTURE_ENCOUNTERS.map((e) => seventhCharacter(e.facts, true)));
    expect([...letters].sort()).toEqual(['A', 'B', 'D', 'G', 'K', 'P', 'S']);
  });
});

const codesFile = resolve(__dirname, '../../../public/codesets/fy2026/cm-codes.tsv');
describe.skipIf(!existsSync(codesFile))('curated codes exist in the FY2026 code set (public/codesets)', () => {
  const rows = existsSync(codesFile) ? readFileSync(codesFile, 'utf8').split('\n') : [];
  const reportable = new Map(rows.map((r) => r.split('\t')).filter((p) => p[1] === '1').map((p) => [p[0]!, p[2]!]));
  const exempt = existsSync(codesFile) ? new Set(readFileSync(resolve(codesFile, '../poa-exempt.txt'), 'utf8').split('\n')) : new Set<string>();

  test.each(SEVENTH_CHARACTER_CODES.map((c) => [c.base, c]))('%s takes every 7th character the drill offers', (_base, c) => {
    for (const letter of c.fracture ? ['A', 'B', 'D', 'G', 'K', 'P', 'S'] : ['A', 'D', 'S']) {
      expect(reportable.has(`${c.code}${letter}`), `${c.code}${letter}`).toBe(true);
    }
    expect(reportable.get(`${c.code}A`)).toContain(c.title);
  });

  it('POA-exempt drill codes are on the exempt list', () => {
    for (const f of POA_FACTS.filter((x) => x.facts.exempt)) expect(exempt.has(f.code!)).toBe(true);
  });
});

describe('drill registry', () => {
  const context = {
    findings: [
      { subject: 'Authorization', message: 'No expiration date.', errorType: 'roi.authorization.AUTH-E5', citation: { source: '45 CFR', section: '164.508(c)(1)(v)' } },
      { subject: 'Due date', message: 'Due in 30 days.', errorType: 'roi.due-date', citation: { source: '45 CFR', section: '164.524(b)(2)' } },
    ],
    otherErrorTypes: ['roi.due-date', 'coding.poa-wrong'],
  };

  it('picks the longest matching prefix', () => {
    expect(generatorFor('coding.poa-wrong')!.prefix).toBe('coding.poa');
    expect(generatorFor('coding.sdx-missed')!.prefix).toBe('coding.');
    expect(generatorFor('roi.due-date')).toBeNull();
  });

  it('lets a module add a drill for its error types without touching the review code', () => {
    registerDrill('test-module.', (errorType) => ({ kind: 'custom', errorType, question: 'Q?', options: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }], correct: 'x', explanation: 'because' }));
    expect(drillFor('test-module.anything', context, 1)).toMatchObject({ kind: 'custom', correct: 'x' });
  });

  test.each([
    ['coding.poa-wrong', 'poa'],
    ['coding.sdx-missed', '7th-character'],
    ['adt.status-wrong', 'discharge-status'],
    ['roi.authorization.AUTH-E5', 'recall-citation'],
  ])('%s gets a %s drill whose answer is one of its options', (errorType, kind) => {
    for (let seed = 1; seed <= 20; seed++) {
      const drill = drillFor(errorType, context, seed)!;
      expect(drill.kind).toBe(kind);
      expect(drill.options.map((o) => o.id)).toContain(drill.correct);
      expect(new Set(drill.options.map((o) => o.id)).size).toBe(drill.options.length);
    }
  });

  it('the recall drill answers with the learner’s own citation', () => {
    const drill = drillFor('roi.authorization.AUTH-E5', context, 3)!;
    expect(drill.options.find((o) => o.id === drill.correct)!.text).toBe('45 CFR 164.508(c)(1)(v)');
  });

  it('gives up (null) when there is nothing to ask', () => {
    expect(drillFor('roi.unknown', { findings: [], otherErrorTypes: [] }, 1)).toBeNull();
  });
});
