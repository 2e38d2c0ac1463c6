import { describe, expect, it, test } from 'vitest';
import { badgesFor, levelFor, LEVELS, streakFor, totalXp, xpForAttempt, type AttemptFacts } from './progression';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T15:00:00Z'); // a Monday afternoon (UTC)

function attempt(over: Partial<AttemptFacts> & { id: string }): AttemptFacts {
  return { scenarioId: 'coding-a', module: 'coding', finishedAt: T0, durationMs: 600_000, percent: 100, errorTypes: {}, ...over };
}

describe('xpForAttempt', () => {
  test.each([
    // percent, difficulty, xp: 10*d*p^2 (+5*d at >= 95%)
    [100, 1, 15],
    [100, 3, 45],
    [95, 2, 28], // 18.05 + 10
    [94.9, 2, 18], // just under the standard: no bonus
    [50, 4, 10],
    [0, 5, 0],
    [-10, 2, 0], // clamped
    [120, 2, 30], // clamped
    [80, 9, 32], // difficulty clamped to 5
  ])('%s%% at difficulty %s earns %s XP', (percent, difficulty, xp) => {
    expect(xpForAttempt(percent, difficulty)).toBe(xp);
  });

  it('rewards accuracy more than volume: one accurate case beats three sloppy ones', () => {
    expect(xpForAttempt(100, 2)).toBeGreaterThan(3 * xpForAttempt(50, 2));
  });
});

describe('totalXp', () => {
  const difficulty = (id: string) => ({ 'coding-a': 2, 'roi-b': 3 })[id];

  it('counts only the improvement when a case is replayed', () => {
    const { total, lines } = totalXp(
      [
        attempt({ id: '1', percent: 50, finishedAt: T0 }),
        attempt({ id: '2', percent: 100, finishedAt: T0 + 1000 }),
        attempt({ id: '3', percent: 100, finishedAt: T0 + 2000 }),
      ],
      difficulty,
    );
    expect(lines.map((l) => l.xp)).toEqual([5, 25, 0]);
    expect(total).toBe(30);
  });

  it('treats a changed case file as a new case, uses the default difficulty for unknown cases and adds drills', () => {
    const { total } = totalXp(
      [attempt({ id: '1', scenarioHash: 'h1' }), attempt({ id: '2', scenarioHash: 'h2', finishedAt: T0 + 1 }), attempt({ id: '3', scenarioId: 'gone', finishedAt: T0 + 2 })],
      difficulty,
      [{ answeredAt: T0, correct: true }, { answeredAt: T0, correct: false }],
    );
    expect(total).toBe(30 + 30 + 30 + 2);
  });

  it('is independent of the order the attempts are given in', () => {
    const list = [attempt({ id: '1', percent: 60, finishedAt: T0 }), attempt({ id: '2', percent: 90, finishedAt: T0 + 5 })];
    expect(totalXp(list, difficulty).total).toBe(totalXp([...list].reverse(), difficulty).total);
  });
});

describe('levelFor', () => {
  test.each([
    [0, 'Records Clerk', 100],
    [99, 'Records Clerk', 1],
    [100, 'HIM Technician', 150],
    [260, 'Coding Associate', 240],
    [899, 'Inpatient Coder', 1],
    [900, 'Coding Specialist', 600],
    [99_999, 'HIM Director', 0],
  ])('%s XP is %s (%s XP to the next level)', (xp, title, toNext) => {
    const status = levelFor(xp);
    expect(status.level.title).toBe(title);
    expect(status.toNext).toBe(toNext);
    expect(status.fraction).toBeGreaterThanOrEqual(0);
    expect(status.fraction).toBeLessThanOrEqual(1);
  });

  it('has a strictly rising ladder that starts at 0', () => {
    expect(LEVELS[0]!.minXp).toBe(0);
    LEVELS.slice(1).forEach((l, i) => expect(l.minXp).toBeGreaterThan(LEVELS[i]!.minXp));
  });
});

describe('streakFor', () => {
  /** Activity on the given day offsets from T0 (0 = the first day). */
  const on = (...days: number[]) => days.map((d) => T0 + d * DAY);

  test.each([
    { name: 'no activity', days: [], today: 0, current: 0, longest: 0, freezes: 0, frozen: 0 },
    { name: 'active today only', days: [0], today: 0, current: 1, longest: 1, freezes: 0, frozen: 0 },
    { name: 'yesterday active, today still open', days: [0, 1], today: 2, current: 2, longest: 2, freezes: 0, frozen: 0 },
    { name: 'a missed day without a freeze resets', days: [0, 1, 3], today: 3, current: 1, longest: 2, freezes: 0, frozen: 0 },
    { name: '7 days earn a freeze', days: [0, 1, 2, 3, 4, 5, 6], today: 6, current: 7, longest: 7, freezes: 1, frozen: 0 },
    { name: 'the freeze covers one missed day', days: [0, 1, 2, 3, 4, 5, 6, 8], today: 8, current: 8, longest: 8, freezes: 0, frozen: 1 },
    { name: 'two missed days need two freezes', days: [0, 1, 2, 3, 4, 5, 6, 9], today: 9, current: 1, longest: 7, freezes: 0, frozen: 1 },
    { name: 'freezes are capped at two', days: Array.from({ length: 28 }, (_, i) => i), today: 27, current: 28, longest: 28, freezes: 2, frozen: 0 },
    { name: 'a gap after the streak ended', days: [0, 1], today: 5, current: 0, longest: 2, freezes: 0, frozen: 0 },
  ])('$name', ({ days, today, current, longest, freezes, frozen }) => {
    const s = streakFor(on(...days), T0 + today * DAY);
    expect(s.current).toBe(current);
    expect(s.longest).toBe(longest);
    expect(s.freezesLeft).toBe(freezes);
    expect(s.frozenDays).toHaveLength(frozen);
  });

  it('uses the learner’s local day (timezone offset)', () => {
    // 2026-03-03T02:00Z is still March 2 in UTC-5 (offset 300): two activities on the same local day.
    const times = [Date.parse('2026-03-02T15:00:00Z'), Date.parse('2026-03-03T02:00:00Z')];
    expect(streakFor(times, Date.parse('2026-03-03T03:00:00Z'), 300).activeDays).toEqual(['2026-03-02']);
    expect(streakFor(times, Date.parse('2026-03-03T03:00:00Z'), 0).activeDays).toEqual(['2026-03-02', '2026-03-03']);
  });
});

describe('badgesFor', () => {
  const facts = (attempts: AttemptFacts[], extra: Partial<Parameters<typeof badgesFor>[0]> = {}) => ({
    attempts,
    drills: [],
    shifts: [],
    streak: streakFor(attempts.map((a) => a.finishedAt), T0 + 30 * DAY),
    tzOffsetMinutes: 0,
    ...extra,
  });
  const earned = (f: Parameters<typeof badgesFor>[0]) => Object.fromEntries(badgesFor(f).map((b) => [b.id, b.earnedAt]));

  it('locks every badge for a new learner', () => {
    expect(Object.values(earned(facts([])))).toEqual(Array(8).fill(null));
  });

  it('dates each badge by the event that earned it', () => {
    const list = [
      attempt({ id: '1', percent: 80, finishedAt: T0 }),
      attempt({ id: '2', percent: 100, module: 'roi', finishedAt: T0 + DAY }),
      attempt({ id: '3', percent: 96, module: 'mpi', finishedAt: T0 + 2 * DAY }),
    ];
    const b = earned(facts(list));
    expect(b['first-case']).toBe(T0);
    expect(b['clean-claim']).toBe(T0 + DAY);
    expect(b['cross-trained']).toBe(T0 + 2 * DAY);
    expect(b['streak-3']).not.toBeNull();
    expect(b['streak-7']).toBeNull();
    expect(b['accuracy-standard']).toBeNull();
  });

  it('needs five cases at the 95% standard, ten correct drills and a shift that meets the standard', () => {
    const list = Array.from({ length: 5 }, (_, i) => attempt({ id: String(i), percent: 95, finishedAt: T0 + i }));
    const drills = Array.from({ length: 11 }, (_, i) => ({ answeredAt: T0 + i, correct: i !== 3 }));
    const b = earned(facts(list, { drills, shifts: [{ finishedAt: T0 + 9, meetsStandard: false }, { finishedAt: T0 + 10, meetsStandard: true }] }));
    expect(b['accuracy-standard']).toBe(T0 + 4);
    expect(b['reviewer']).toBe(T0 + 10);
    expect(b['shift-standard']).toBe(T0 + 10);
  });

  it('counts a frozen day as bridging the streak badge', () => {
    const days = [0, 1, 2, 3, 4, 5, 6, 8].map((d) => attempt({ id: String(d), finishedAt: T0 + d * DAY }));
    const f = facts(days, { streak: streakFor(days.map((a) => a.finishedAt), T0 + 8 * DAY) });
    expect(earned(f)['streak-7']).not.toBeNull();
  });
});

describe('learnerStats', () => {
  it('combines XP, level, streak and badges from one record', async () => {
    const { learnerStats } = await import('./learnerStats');
    const stats = learnerStats(
      {
        attempts: [attempt({ id: '1', percent: 100 }), attempt({ id: '2', scenarioId: 'roi-b', module: 'roi', percent: 100, finishedAt: T0 + DAY })],
        drills: [{ answeredAt: T0 + 2 * DAY, correct: true }],
        shifts: [],
      },
      (id) => (id === 'roi-b' ? { difficulty: 5, estimatedMinutes: 20 } : undefined),
      T0 + 2 * DAY,
    );
    expect(stats.xp).toBe(30 + 75 + 2);
    expect(stats.level.level.title).toBe('HIM Technician');
    expect(stats.streak.current).toBe(3);
    expect(stats.badges.find((b) => b.id === 'streak-3')!.earnedAt).not.toBeNull();
    expect(stats.casesFinished).toBe(2);
  });
});
