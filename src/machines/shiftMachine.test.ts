import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Snapshot } from 'xstate';
import { planShift, type ShiftScenario } from '../domain/game/shiftPlan';
import { inboxOrder, isItemAvailable, shiftMachine, type ShiftInput } from './shiftMachine';

const sc = (id: string, module: string, mrn: string): ShiftScenario => ({ id, title: `Case ${id}`, module, difficulty: 2, estimatedMinutes: 10, mrn, patientName: `Pat ${mrn}` });
const corpus = [sc('adt-1', 'adt', 'SIM-1'), sc('coding-1', 'coding', 'SIM-1'), sc('mpi-2', 'mpi', 'SIM-2'), sc('roi-9', 'roi', 'SIM-9'), sc('roi-8', 'roi', 'SIM-8')];

/** One game hour at 60× real time with 1-second ticks: every tick is one game minute. */
const input = (): ShiftInput => ({
  shiftId: 'shift-1',
  plan: planShift(corpus, { lengthMinutes: 60, speed: 60, seed: 11, patients: 2 }),
  config: { lengthMinutes: 60, speed: 60, tickMs: 1000 },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('shiftMachine', () => {
  it('waits in the briefing without running the clock', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    vi.advanceTimersByTime(10_000);
    expect(actor.getSnapshot().value).toBe('briefing');
    expect(actor.getSnapshot().context.clock).toBe(0);
  });

  it('runs the clock faster than real time and ends the shift when time is up', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    actor.send({ type: 'learner.startShift' });
    vi.advanceTimersByTime(5_000);
    expect(actor.getSnapshot().context.clock).toBe(5);
    vi.advanceTimersByTime(55_000);
    const done = actor.getSnapshot();
    expect(done.status).toBe('done');
    expect(done.value).toBe('ended');
    expect(done.context.clock).toBe(60);
    expect(done.output).toMatchObject({ itemsDone: 0, rating: 'no-work', workedMinutes: 60 });
    // The ticker stopped with the shift.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('enforces the lifecycle order: a patient’s coding waits for its admission work', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    actor.send({ type: 'learner.startShift' });
    const items = actor.getSnapshot().context.items;
    const adt = items.find((i) => i.module === 'adt')!;
    const coding = items.find((i) => i.module === 'coding')!;
    expect(coding.dependsOn).toBe(adt.id);

    actor.send({ type: 'learner.openItem', itemId: coding.id });
    expect(actor.getSnapshot().matches({ running: 'inbox' })).toBe(true);

    actor.send({ type: 'learner.openItem', itemId: adt.id });
    expect(actor.getSnapshot().matches({ running: 'working' })).toBe(true);
    vi.advanceTimersByTime(12_000);
    actor.send({ type: 'item.completed', itemId: adt.id, attemptId: 'att-1', percent: 100 });
    const after = actor.getSnapshot();
    expect(after.matches({ running: 'inbox' })).toBe(true);
    expect(after.context.items.find((i) => i.id === adt.id)).toMatchObject({ status: 'done', percent: 100, attemptId: 'att-1', startedAt: 0, completedAt: 12 });
    expect(after.context.items.find((i) => i.id === coding.id)!.status).toBe('ready');
    expect(isItemAvailable(after.context.items, coding.id)).toBe(true);
    // A second completion of the same item is ignored (no double credit).
    actor.send({ type: 'item.completed', itemId: adt.id, attemptId: 'att-2', percent: 0 });
    expect(actor.getSnapshot().context.items.find((i) => i.id === adt.id)!.attemptId).toBe('att-1');
  });

  it('delivers the STAT interruption on the clock, puts it first in the inbox and raises an alert', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    const stat = actor.getSnapshot().context.interruptions[0]!;
    expect(stat.item?.module).toBe('roi');
    actor.send({ type: 'learner.startShift' });
    vi.advanceTimersByTime((stat.at - 1) * 1000);
    expect(actor.getSnapshot().context.alerts).toEqual([]);
    vi.advanceTimersByTime(1000);
    const snap = actor.getSnapshot();
    expect(snap.context.alerts).toEqual([{ id: stat.id, message: stat.message }]);
    const first = inboxOrder(snap.context.items)[0]!;
    expect(first).toMatchObject({ priority: 'stat', module: 'roi', arrivedAt: stat.at, dueAt: stat.at + 60 });
    actor.send({ type: 'learner.dismissAlert', alertId: stat.id });
    expect(actor.getSnapshot().context.alerts).toEqual([]);
    // Delivered once only.
    vi.advanceTimersByTime(5000);
    expect(actor.getSnapshot().context.items.filter((i) => i.priority === 'stat')).toHaveLength(1);
  });

  it('judges the work at the end: accuracy first, productivity credit only at or above the floor', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    actor.send({ type: 'learner.startShift' });
    const [a, b] = actor.getSnapshot().context.items.filter((i) => i.status === 'ready');
    actor.send({ type: 'learner.openItem', itemId: a!.id });
    vi.advanceTimersByTime(10_000);
    actor.send({ type: 'item.completed', itemId: a!.id, attemptId: 'x', percent: 100 });
    actor.send({ type: 'learner.openItem', itemId: b!.id });
    vi.advanceTimersByTime(10_000);
    actor.send({ type: 'item.completed', itemId: b!.id, attemptId: 'y', percent: 70 });
    actor.send({ type: 'learner.endShift' });
    const evaluation = actor.getSnapshot().output!;
    // Worked 20 game minutes; only the 100% item earns its 600 standard minutes (10 min × speed 60).
    expect(evaluation).toMatchObject({ itemsDone: 2, accuracy: 85, creditedItems: 1, earnedMinutes: 600, workedMinutes: 20, rating: 'below-accuracy', meetsStandard: false });
  });

  it('survives a persisted-snapshot round trip (JSON) and keeps ticking after the restore', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    actor.send({ type: 'learner.startShift' });
    vi.advanceTimersByTime(7_000);
    const item = actor.getSnapshot().context.items.find((i) => i.status === 'ready')!;
    actor.send({ type: 'learner.openItem', itemId: item.id });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Snapshot<unknown>;
    actor.stop();
    expect(vi.getTimerCount()).toBe(0);

    // Time away from the shift is not counted.
    vi.advanceTimersByTime(30_000);
    const restored = createActor(shiftMachine, { input: input(), snapshot: persisted }).start();
    expect(restored.getSnapshot().matches({ running: 'working' })).toBe(true);
    expect(restored.getSnapshot().context.clock).toBe(7);
    expect(restored.getSnapshot().context.activeItemId).toBe(item.id);
    vi.advanceTimersByTime(3_000);
    expect(restored.getSnapshot().context.clock).toBe(10);
    restored.send({ type: 'item.completed', itemId: item.id, attemptId: 'z', percent: 96 });
    expect(restored.getSnapshot().context.items.find((i) => i.id === item.id)).toMatchObject({ status: 'done', startedAt: 7, completedAt: 10 });
    restored.stop();
  });

  it('restores a finished shift as finished, with its evaluation', () => {
    const actor = createActor(shiftMachine, { input: input() }).start();
    actor.send({ type: 'learner.startShift' });
    actor.send({ type: 'learner.endShift' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Snapshot<unknown>;
    const restored = createActor(shiftMachine, { input: input(), snapshot: persisted }).start();
    expect(restored.getSnapshot().status).toBe('done');
    expect(restored.getSnapshot().context.evaluation).toMatchObject({ rating: 'no-work' });
    vi.advanceTimersByTime(5_000);
    expect(restored.getSnapshot().context.clock).toBe(0);
  });
});
