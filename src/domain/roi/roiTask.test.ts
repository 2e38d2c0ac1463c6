import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { generatePracticeScenario } from './generateRequest';
import { compareRoiKeys, computeRoiKey, decisionCredit, roiInputSchema, roiRequestTask, scoreRoi, type RoiKey, type RoiResponse, type RoiTaskInput } from './roiTask';

function practice(seed: number, kind: Parameters<typeof generatePracticeScenario>[1]) {
  const scenario = generatePracticeScenario(seed, kind);
  const input = v.parse(roiInputSchema, scenario.steps[0]!.input);
  return { scenario, input, key: computeRoiKey(input, scenario) };
}

function perfect(key: RoiKey): RoiResponse {
  return { decision: key.decision, release: [...key.release], dueDate: key.dueDate, accounting: key.accounting, authorizationProblems: [...key.authorizationProblems] };
}

/** First seed whose computed key satisfies a predicate (the generator is seeded, so this is stable). */
function find(kind: Parameters<typeof generatePracticeScenario>[1], ok: (k: RoiKey, input: RoiTaskInput) => boolean) {
  for (let seed = 1; seed < 500; seed++) {
    const p = practice(seed, kind);
    if (ok(p.key, p.input)) return p;
  }
  throw new Error('no seed found');
}

describe('roi-request input', () => {
  test('generated: { seed, kind } expands to the same request every time', () => {
    const a = v.parse(roiInputSchema, { generated: { seed: 42, kind: 'court-order' } });
    const b = v.parse(roiInputSchema, { generated: { seed: 42, kind: 'court-order' } });
    expect(a).toEqual(b);
    expect(a.request.requester.kind).toBe('court');
  });

  test.each([
    [{ request: { receivedOn: '2026-04-01', requester: { kind: 'lawyer' } }, inventory: [{ documentId: 'ds' }] }, 'request.requester.kind', /unknown requester kind/],
    [{ request: { receivedOn: '2026-02-30' }, inventory: [{ documentId: 'ds' }] }, 'request.receivedOn', /real calendar date/],
    [{ request: { receivedOn: '2026-04-01' }, inventory: [{ documentId: 'ds', recordTypes: ['hiv-aids'] }] }, 'inventory.0.recordTypes.0', /unknown record type/],
    [{ request: { receivedOn: '2026-04-01' } }, 'inventory', /is required/],
    [{ inventory: [{ documentId: 'ds' }] }, 'request', /is required/],
    [{ request: { receivedOn: '2026-04-01' }, inventory: [{ documentId: 'ds' }], authorization: { signature: { date: 'yesterday' } } }, 'authorization.signature.date', /expected a date/],
    [{ generated: { seed: 1.5 } }, 'generated.seed', /whole number/],
    [{ generated: { seed: 1, kind: 'dentist' } }, 'generated.kind', /unknown generated kind/],
  ])('malformed input %# fails at %s', (input, path, message) => {
    const result = v.safeParse(roiInputSchema, input);
    expect(result.success).toBe(false);
    const issues = result.issues ?? [];
    const hit = issues.find((i) => v.getDotPath(i) === path);
    expect(hit?.message).toMatch(message);
  });
});

describe('roi-request key and author check', () => {
  test('compareKeys agrees with itself and lists each difference', () => {
    const { key } = find('attorney-subpoena', (k) => k.decision === 'release-in-part');
    expect(compareRoiKeys(key, key)).toEqual([]);
    const withheld = key.detail!.withheld[0]!.documentId;
    const stated: RoiKey = { ...key, decision: 'release', release: [...key.release, withheld], dueDate: '2026-01-01', accounting: !key.accounting, authorizationProblems: ['AUTH-E1'] };
    const problems = compareRoiKeys(stated, key);
    expect(problems.map((p) => p.path)).toEqual(['decision', 'release', 'dueDate', 'accounting', 'authorizationProblems']);
    expect(problems[1]!.message).toContain(withheld);
  });
});

describe('roi-request scoring', () => {
  test.each(['attorney-subpoena', 'psychotherapy-notes', 'parent-of-minor', 'insurer', 'employer'] as const)('a perfect %s answer earns full marks', (kind) => {
    for (const seed of [3, 4, 5]) {
      const { scenario, input, key } = practice(seed, kind);
      const result = scoreRoi(perfect(key), key, scenario, input);
      expect(result.score).toBe(result.maxScore);
      expect(result.findings.filter((f) => f.outcome === 'incorrect' || f.outcome === 'missed' || f.outcome === 'extra')).toEqual([]);
    }
  });

  test.each([
    ['release', 'release', 4],
    ['release', 'release-in-part', 2],
    ['deny', 'request-more-information', 1],
    ['release', 'deny', 0],
  ] as const)('decision %s when the key is %s earns %i of 4', (given, right, points) => {
    expect(decisionCredit(given, right)).toBe(points);
  });

  test('releasing a withheld document is named with its rule and citation', () => {
    const { scenario, input, key } = find('attorney-subpoena', (k) => k.decision === 'release-in-part' && k.detail!.withheld.some((w) => w.ruleId === 'P2-4'));
    const part2 = key.detail!.withheld.find((w) => w.ruleId === 'P2-4')!.documentId;
    const result = scoreRoi({ ...perfect(key), release: [...key.release, part2] }, key, scenario, input);
    const finding = result.findings.find((f) => f.outcome === 'extra')!;
    expect(finding.errorType).toBe('roi.document-released.P2-4');
    expect(finding.citation?.source).toBe('42 CFR Part 2');
    expect(finding.evidence?.documentId).toBe(part2);
    expect(result.score).toBe(result.maxScore - 1);
  });

  test('a wrong decision, due date and log entry each lose their points with an explanation', () => {
    const { scenario, input, key } = find('attorney-subpoena', (k) => k.decision === 'request-more-information');
    const result = scoreRoi({ decision: 'release', release: ['discharge-summary'], dueDate: '2026-12-31', accounting: true, authorizationProblems: [] }, key, scenario, input);
    const bySubject = Object.fromEntries(result.findings.map((f) => [f.subject, f]));
    expect(bySubject['Decision']!.points).toBe(0);
    expect(bySubject['Decision']!.message).toMatch(/assurance/i);
    expect(bySubject['Decision']!.citation?.section).toBe('164.512(e)(1)(ii)');
    expect(bySubject['Documents']!.outcome).toBe('extra');
    expect(bySubject['Response due date']!.points).toBe(0);
    expect(bySubject['Accounting of disclosures']!.errorType).toBe('roi.accounting-extra');
    expect(result.score).toBe(0);
  });

  test('authorization problems are scored one by one', () => {
    const { scenario, input, key } = find('employer', (k) => k.authorizationProblems.length > 0);
    const missedOne = { ...perfect(key), authorizationProblems: [...key.authorizationProblems.slice(1), 'AUTH-D6'] };
    const result = scoreRoi(missedOne, key, scenario, input);
    expect(result.findings.filter((f) => f.subject.startsWith('Authorization')).map((f) => f.outcome).sort()).toEqual(
      [...key.authorizationProblems.slice(1).map(() => 'correct'), 'extra', 'missed'].sort(),
    );
  });

  test('isResponseComplete needs a decision, a due date and the log answer', () => {
    expect(roiRequestTask.isResponseComplete({ release: [], authorizationProblems: [] }, {} as RoiTaskInput)).toBe(false);
    expect(roiRequestTask.isResponseComplete({ decision: 'deny', release: [], authorizationProblems: [], dueDate: '2026-05-01', accounting: false }, {} as RoiTaskInput)).toBe(true);
  });
});
