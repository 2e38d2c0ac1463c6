/**
 * Spaced review of the learner's own errors (issue 10 §4), scheduled with FSRS (ts-fsrs). One card per error
 * type. The schedule is replayed from the record every time: an error in a finished case is an "Again"
 * review at that moment, a drill answered right is "Good", wrong is "Again". Nothing is stored but the
 * attempts and the answered drills, so the schedule can never drift from the record.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

export interface ReviewEvent {
  errorType: string;
  at: number;
  grade: 'again' | 'good';
}

export interface ReviewCard {
  errorType: string;
  due: number;
  state: 'new' | 'learning' | 'review' | 'relearning';
  reps: number;
  lapses: number;
  /** How many times the error occurred in finished cases. */
  occurrences: number;
  lastAt: number;
}

const scheduler = fsrs({ enable_fuzz: false });
const STATE_NAMES: Record<State, ReviewCard['state']> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };

/** Review events from attempts (each recorded error type is an "Again") and answered drills. */
export function reviewEvents(
  attempts: readonly { finishedAt: number; errorTypes: Record<string, number> }[],
  drills: readonly { errorType: string; answeredAt: number; correct: boolean }[],
): ReviewEvent[] {
  return [
    ...attempts.flatMap((a) => Object.entries(a.errorTypes).filter(([, n]) => n > 0).map(([errorType]) => ({ errorType, at: a.finishedAt, grade: 'again' as const }))),
    ...drills.map((d) => ({ errorType: d.errorType, at: d.answeredAt, grade: d.correct ? ('good' as const) : ('again' as const) })),
  ].sort((a, b) => a.at - b.at);
}

/** Replays the events through FSRS (default parameters, no fuzz, so it is reproducible) into one card per error type. */
export function reviewCards(events: readonly ReviewEvent[]): ReviewCard[] {
  const cards = new Map<string, { card: Card; occurrences: number; lastAt: number }>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    const entry = cards.get(e.errorType) ?? { card: createEmptyCard(new Date(e.at)), occurrences: 0, lastAt: e.at };
    const grade: Grade = e.grade === 'good' ? Rating.Good : Rating.Again;
    entry.card = scheduler.next(entry.card, new Date(e.at), grade).card;
    entry.lastAt = e.at;
    cards.set(e.errorType, entry);
  }
  return [...cards].sort(([a], [b]) => a.localeCompare(b)).map(([errorType, { card, lastAt }]) => ({
    errorType,
    due: card.due.getTime(),
    state: STATE_NAMES[card.state],
    reps: card.reps,
    lapses: card.lapses,
    occurrences: events.filter((x) => x.errorType === errorType && x.grade === 'again').length,
    lastAt,
  }));
}

/** The cards due now, most overdue first. */
export function dueCards(cards: readonly ReviewCard[], now: number): ReviewCard[] {
  return cards.filter((c) => c.due <= now).sort((a, b) => a.due - b.due || b.occurrences - a.occurrences);
}
