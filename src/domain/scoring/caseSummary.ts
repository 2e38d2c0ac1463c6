/**
 * Case-level scoring (docs/scoring.md "Case score"): the case score is the sum of step scores over the
 * sum of step maxima, as a percentage; error types are tallied for the review features.
 */
import type { Scenario } from '../../content/scenarioSchema';
import type { StepResult } from '../tasks/taskTypes';

export interface CaseSummary {
  score: number;
  maxScore: number;
  /** 0-100, rounded to one decimal. */
  percent: number;
  steps: { stepId: string; title: string; score: number; maxScore: number }[];
  /** How often each error type occurred in this case. */
  errorTypes: Record<string, number>;
}

/** Sums step results into the case score (docs/scoring.md "Case score"); unanswered steps score 0 of their maximum. */
export function summariseCase(scenario: Scenario, results: Record<string, StepResult>): CaseSummary {
  const steps = scenario.steps.map((s) => {
    const r = results[s.id];
    return { stepId: s.id, title: s.title ?? s.id, score: r?.score ?? 0, maxScore: r?.maxScore ?? 0 };
  });
  const score = steps.reduce((a, s) => a + s.score, 0);
  const maxScore = steps.reduce((a, s) => a + s.maxScore, 0);
  const errorTypes: Record<string, number> = {};
  for (const r of Object.values(results)) {
    for (const f of r.findings) {
      if (f.errorType && f.outcome !== 'correct' && f.outcome !== 'info') errorTypes[f.errorType] = (errorTypes[f.errorType] ?? 0) + 1;
    }
  }
  return { score, maxScore, percent: maxScore > 0 ? Math.round((score / maxScore) * 1000) / 10 : 0, steps, errorTypes };
}
