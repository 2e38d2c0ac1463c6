import { describe, expect, it } from 'vitest';
import { newPracticeSeed, practiceGenerators, practiceScenario } from './practiceScenarios';

describe('practice scenarios', () => {
  it.each(practiceGenerators.map((g) => g.module))('%s: generated cases validate and carry a computed key', (module) => {
    for (const seed of [1, 2, 3, 42, 999_999]) {
      const loaded = practiceScenario(module, seed)!;
      expect(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems)).toBe(true);
      if (loaded.ok) expect(loaded.scenario.steps.every((s) => s.answer !== undefined)).toBe(true);
    }
  });

  it('is deterministic per seed and unknown modules have none', () => {
    const a = practiceScenario('roi', 7)!;
    const b = practiceScenario('roi', 7)!;
    expect(a.hash).toBe(b.hash);
    expect(practiceScenario('nope', 1)).toBeUndefined();
    expect(newPracticeSeed(() => 0.5)).toBe(500_000);
  });
});
