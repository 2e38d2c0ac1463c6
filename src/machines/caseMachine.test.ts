import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../tests/factories/scenarioFactory';
import { createCaseMachine, type CaseEvent } from './caseMachine';

const { scenario, hash } = buildScenario();
const input = { scenario, scenarioHash: hash, now: 1_000 };
const machine = createCaseMachine();
type CaseSnapshot = SnapshotFrom<typeof machine>;

const choiceRight: CaseEvent = { type: 'learner.updateResponse', response: { selected: ['a'] } };
const codesRight: CaseEvent = {
  type: 'learner.updateResponse',
  response: { pdx: 'J13', sdx: [{ code: 'E11.9', poa: 'Y' }], procedures: [] },
};

function start() {
  return createActor(machine, { input }).start();
}

describe('caseMachine transitions', () => {
  it('starts in the briefing with the first document open', () => {
    const actor = start();
    expect(actor.getSnapshot().value).toBe('briefing');
    expect(actor.getSnapshot().context.openDocumentId).toBe('hp');
  });

  it('opens documents in any state and remembers the highlighted quote', () => {
    const actor = start();
    actor.send({ type: 'learner.openDocument', documentId: 'ds', quote: 'DM2' });
    expect(actor.getSnapshot().context).toMatchObject({ openDocumentId: 'ds', highlight: 'DM2' });
  });

  it('refuses to submit an incomplete response (guard isResponseComplete)', () => {
    const actor = start();
    actor.send({ type: 'learner.start' });
    actor.send({ type: 'learner.submit' });
    expect(actor.getSnapshot().value).toBe('answering');
    expect(actor.getSnapshot().context.results).toEqual({});
  });

  it('scores a submitted step, then advances, then finishes with a summary', () => {
    const actor = start();
    actor.send({ type: 'learner.start' });
    actor.send(choiceRight);
    actor.send({ type: 'learner.submit' });
    expect(actor.getSnapshot().value).toBe('reviewing');
    expect(actor.getSnapshot().context.results.q1).toMatchObject({ score: 1, maxScore: 1 });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'answering', context: { stepIndex: 1 } });
    actor.send({ ...codesRight, response: { pdx: 'J18.9', sdx: [], procedures: [] } });
    actor.send({ type: 'learner.submit' });
    actor.send({ type: 'learner.continue', at: 5_000 });
    const done = actor.getSnapshot();
    expect(done.status).toBe('done');
    expect(done.context.finishedAt).toBe(5_000);
    expect(done.context.summary).toMatchObject({ score: 1, maxScore: 5.5, errorTypes: { 'coding.pdx-wrong': 1, 'coding.sdx-missed': 1 } });
    expect(done.output).toEqual(done.context.summary);
  });

  it('lets the learner review a previous step without losing the current draft', () => {
    const actor = start();
    actor.send({ type: 'learner.start' });
    actor.send(choiceRight);
    actor.send({ type: 'learner.submit' });
    actor.send({ type: 'learner.continue' });
    actor.send(codesRight);
    actor.send({ type: 'learner.previousStep' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'reviewing', context: { stepIndex: 0 } });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'answering', context: { stepIndex: 1 } });
    expect(actor.getSnapshot().context.responses.code).toEqual(codesRight.type === 'learner.updateResponse' ? codesRight.response : null);
  });

  it('ignores answer edits once a step is submitted', () => {
    const actor = start();
    actor.send({ type: 'learner.start' });
    actor.send(choiceRight);
    actor.send({ type: 'learner.submit' });
    actor.send({ type: 'learner.updateResponse', response: { selected: ['b'] } });
    expect(actor.getSnapshot().context.responses.q1).toEqual({ selected: ['a'] });
  });
});

describe('persistence of the case machine', () => {
  it('restores from a JSON round trip of getPersistedSnapshot() exactly where the learner was', () => {
    const actor = start();
    actor.send({ type: 'learner.start' });
    actor.send(choiceRight);
    actor.send({ type: 'learner.submit' });
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.openDocument', documentId: 'ds' });
    actor.send(codesRight);
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as CaseSnapshot;

    const restored = createActor(machine, { input, snapshot: saved }).start();
    const s = restored.getSnapshot();
    expect(s.value).toBe('answering');
    expect(s.context.stepIndex).toBe(1);
    expect(s.context.openDocumentId).toBe('ds');
    expect(s.context.responses).toEqual(actor.getSnapshot().context.responses);
    expect(s.context.results.q1?.score).toBe(1);
    restored.send({ type: 'learner.submit' });
    restored.send({ type: 'learner.continue' });
    expect(restored.getSnapshot().context.summary?.percent).toBe(100);
  });
});

describe('model-based: every reachable state, every path', () => {
  const events: CaseEvent[] = [
    { type: 'learner.start' },
    { type: 'learner.openDocument', documentId: 'ds' },
    choiceRight,
    codesRight,
    { type: 'learner.submit' },
    { type: 'learner.continue', at: 9_000 },
    { type: 'learner.previousStep' },
  ];
  const model = createTestModel(machine);
  const serializeState = (s: CaseSnapshot) =>
    JSON.stringify([s.value, s.context.stepIndex, Object.keys(s.context.results).sort(), Object.keys(s.context.responses).sort(), s.context.openDocumentId]);
  const paths = model.getShortestPaths({ input, events, serializeState, allowDuplicatePaths: true });

  it('reaches every state of the machine', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(reached).toEqual(new Set(['"briefing"', '"answering"', '"reviewing"', '"completed"']));
    expect(paths.length).toBeGreaterThan(10);
  });

  it.each(paths.map((p) => [p.description, p] as const))('%s: replays identically through a persisted snapshot at every step', (_d, path) => {
    let actor = createActor(machine, { input }).start();
    for (const step of path.steps) {
      actor.send(step.event);
      // Simulate a reload after every learner event: persist, JSON round trip, restore.
      const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as CaseSnapshot;
      actor.stop();
      actor = createActor(machine, { input, snapshot: saved }).start();
      expect(serializeState(actor.getSnapshot())).toBe(serializeState(step.state));
      // Invariants that hold in every state.
      const ctx = actor.getSnapshot().context;
      expect(ctx.stepIndex).toBeGreaterThanOrEqual(0);
      expect(ctx.stepIndex).toBeLessThan(scenario.steps.length);
      if (actor.getSnapshot().matches('reviewing')) expect(ctx.results[scenario.steps[ctx.stepIndex]!.id]).toBeDefined();
      if (actor.getSnapshot().status === 'done') expect(ctx.summary).not.toBeNull();
    }
  });
});
