/**
 * The shift (issue 10 §1): a workday clock that runs faster than real time, an inbox of planned items,
 * and interruptions such as a STAT records request. The machine declares the flow; the domain decides
 * (planShift builds the inbox, evaluateShift judges the work). The clock advances by ticks from an invoked
 * ticker, so tests drive it with fake timers and a reload resumes from the persisted snapshot (the clock
 * stands still while the shift is not open: time away is not counted as time worked).
 */
import { assign, fromCallback, setup } from 'xstate';
import type { Interruption, ShiftItem, ShiftPlan } from '../domain/game/shiftPlan';
import { evaluateShift, type ShiftEvaluation } from '../domain/game/shiftScoring';

export interface ShiftConfig {
  /** Shift length in game minutes (e.g. 240 = four game hours). */
  lengthMinutes: number;
  /** Game minutes per real minute (4 = a four-hour shift takes an hour). */
  speed: number;
  /** Real milliseconds between clock ticks. */
  tickMs: number;
  /** Accuracy floor for productivity credit (him-rules.md PROD-5). */
  accuracyFloor: number;
}

export const DEFAULT_SHIFT_CONFIG: ShiftConfig = { lengthMinutes: 240, speed: 4, tickMs: 1000, accuracyFloor: 95 };

export interface ShiftContext {
  shiftId: string;
  config: ShiftConfig;
  /** Game minutes elapsed since the start of the shift. */
  clock: number;
  items: ShiftItem[];
  interruptions: Interruption[];
  modules: string[];
  modulesWithoutCases: string[];
  activeItemId: string | null;
  /** Messages waiting for the learner's acknowledgement (interruptions). */
  alerts: { id: string; message: string }[];
  evaluation: ShiftEvaluation | null;
}

export interface ShiftInput {
  shiftId: string;
  plan: ShiftPlan;
  config?: Partial<ShiftConfig>;
}

export type ShiftEvent =
  | { type: 'learner.startShift' }
  | { type: 'clock.tick' }
  | { type: 'learner.openItem'; itemId: string }
  | { type: 'learner.backToInbox' }
  | { type: 'item.completed'; itemId: string; attemptId: string; percent: number }
  | { type: 'learner.dismissAlert'; alertId: string }
  | { type: 'learner.endShift' };

/** Whether an item can be worked now: not done, and the patient's earlier lifecycle item is done. */
export function isItemAvailable(items: readonly ShiftItem[], itemId: string): boolean {
  const item = items.find((i) => i.id === itemId);
  if (!item || item.status === 'done') return false;
  const before = item.dependsOn ? items.find((i) => i.id === item.dependsOn) : undefined;
  return !before || before.status === 'done';
}

/** The inbox in working order: STAT first (by due time), then ready items, then waiting ones, then done. */
export function inboxOrder(items: readonly ShiftItem[]): ShiftItem[] {
  const rank = (i: ShiftItem) => (i.status === 'done' ? 3 : i.priority === 'stat' ? 0 : isItemAvailable(items, i.id) ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.arrivedAt - b.arrivedAt || a.stage - b.stage);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The ticker: sends `clock.tick` every config.tickMs while the shift runs. */
const ticker = fromCallback<{ type: 'noop' }, { tickMs: number }>(({ sendBack, input }) => {
  const id = setInterval(() => sendBack({ type: 'clock.tick' }), input.tickMs);
  return () => clearInterval(id);
});

export const shiftMachine = setup({
  types: {
    context: {} as ShiftContext,
    events: {} as ShiftEvent,
    input: {} as ShiftInput,
  },
  actors: { ticker },
  guards: {
    isTimeUp: ({ context }) => context.clock >= context.config.lengthMinutes,
    isItemAvailable: ({ context, event }) => event.type === 'learner.openItem' && isItemAvailable(context.items, event.itemId),
    isKnownOpenItem: ({ context, event }) =>
      event.type === 'item.completed' && context.items.some((i) => i.id === event.itemId && i.status !== 'done'),
  },
  actions: {
    advanceClock: assign(({ context }) => ({
      clock: round2(Math.min(context.config.lengthMinutes, context.clock + (context.config.speed * context.config.tickMs) / 60_000)),
    })),
    deliverInterruptions: assign(({ context }) => {
      const due = context.interruptions.filter((x) => !x.delivered && x.at <= context.clock);
      if (due.length === 0) return {};
      let items = context.items;
      for (const x of due) {
        const dueAt = round2(context.clock + x.dueInMinutes);
        if (x.item) items = [...items, { ...x.item, arrivedAt: context.clock, dueAt, priority: 'stat', status: 'ready' }];
        else if (x.escalateItemId) items = items.map((i) => (i.id === x.escalateItemId ? { ...i, priority: 'stat', dueAt } : i));
      }
      return {
        items,
        interruptions: context.interruptions.map((x) => (due.includes(x) ? { ...x, delivered: true } : x)),
        alerts: [...context.alerts, ...due.map((x) => ({ id: x.id, message: x.message }))],
      };
    }),
    openItem: assign(({ context, event }) => {
      if (event.type !== 'learner.openItem') return {};
      return {
        activeItemId: event.itemId,
        items: context.items.map((i) => (i.id === event.itemId ? { ...i, status: 'working' as const, startedAt: i.startedAt ?? context.clock } : i)),
      };
    }),
    backToInbox: assign(({ context }) => ({
      activeItemId: null,
      items: context.items.map((i) => (i.id === context.activeItemId && i.status === 'working' ? { ...i, status: 'ready' as const } : i)),
    })),
    completeItem: assign(({ context, event }) => {
      if (event.type !== 'item.completed') return {};
      const items = context.items.map((i) =>
        i.id === event.itemId ? { ...i, status: 'done' as const, attemptId: event.attemptId, percent: event.percent, completedAt: context.clock } : i,
      );
      // The next lifecycle item of the same patient is now ready.
      return {
        activeItemId: null,
        items: items.map((i) => (i.status === 'waiting' && i.dependsOn === event.itemId ? { ...i, status: 'ready' as const } : i)),
      };
    }),
    dismissAlert: assign(({ context, event }) => (event.type === 'learner.dismissAlert' ? { alerts: context.alerts.filter((a) => a.id !== event.alertId) } : {})),
    evaluate: assign(({ context }) => ({
      activeItemId: null,
      evaluation: evaluateShift(context.items, context.clock, { accuracyFloor: context.config.accuracyFloor }),
    })),
  },
}).createMachine({
  id: 'shift',
  context: ({ input }) => ({
    shiftId: input.shiftId,
    config: { ...DEFAULT_SHIFT_CONFIG, ...input.config },
    clock: 0,
    items: input.plan.items,
    interruptions: input.plan.interruptions,
    modules: input.plan.modules,
    modulesWithoutCases: input.plan.modulesWithoutCases,
    activeItemId: null,
    alerts: [],
    evaluation: null,
  }),
  initial: 'briefing',
  states: {
    /** The shift assignment: what is in the inbox, the standards, the clock. */
    briefing: {
      on: { 'learner.startShift': 'running' },
    },
    running: {
      invoke: { src: 'ticker', input: ({ context }) => ({ tickMs: context.config.tickMs }) },
      always: { guard: 'isTimeUp', target: 'ended' },
      on: {
        'clock.tick': { actions: ['advanceClock', 'deliverInterruptions'] },
        'learner.dismissAlert': { actions: 'dismissAlert' },
        'item.completed': { guard: 'isKnownOpenItem', actions: 'completeItem', target: '.inbox' },
        'learner.endShift': 'ended',
      },
      initial: 'inbox',
      states: {
        inbox: {
          on: { 'learner.openItem': { guard: 'isItemAvailable', target: 'working', actions: 'openItem' } },
        },
        /** Working an item in the case workspace; the clock keeps running. */
        working: {
          on: { 'learner.backToInbox': { target: 'inbox', actions: 'backToInbox' } },
        },
      },
    },
    ended: {
      type: 'final',
      entry: 'evaluate',
    },
  },
  output: ({ context }) => context.evaluation,
});

export type ShiftMachine = typeof shiftMachine;
