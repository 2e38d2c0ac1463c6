import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../tests/factories/scenarioFactory';
import { summariseCase } from './caseSummary';

describe('summariseCase (docs/scoring.md "Case score")', () => {
  const { scenario } = buildScenario();
  it('sums step scores and tallies error types, ignoring correct findings', () => {
    const s = summariseCase(scenario, {
      q1: { stepId: 'q1', taskType: 'choice', score: 1, maxScore: 1, findings: [{ outcome: 'correct', subject: 'x', message: 'ok', points: 1, maxPoints: 1 }] },
      code: {
        stepId: 'code',
        taskType: 'coding',
        score: 2,
        maxScore: 4,
        findings: [
          { outcome: 'missed', errorType: 'coding.sdx-missed', subject: 'x', message: 'm', points: 0, maxPoints: 1 },
          { outcome: 'partial', errorType: 'coding.poa-wrong', subject: 'y', message: 'm', points: 1, maxPoints: 1.5 },
        ],
      },
    });
    expect(s).toMatchObject({ score: 3, maxScore: 5, percent: 60, errorTypes: { 'coding.sdx-missed': 1, 'coding.poa-wrong': 1 } });
  });

  it('is 0% (not NaN) when nothing was scored', () => {
    expect(summariseCase(scenario, {}).percent).toBe(0);
  });
});
