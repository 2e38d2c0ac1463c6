import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as v from 'valibot';
import { createActor } from 'xstate';
import { queryResponseMachine } from './queryResponseMachine';
import { queryInputSchema, type QueryDraft } from '../domain/query/queryCompliance';
import { amendChart } from '../domain/query/providerResponse';
import { buildScenario } from '../domain/completeness/scenarioFactory';

const scenario = buildScenario({
  documents: [
    { id: 'cbc', type: 'lab', author: { name: 'LIS', role: 'technologist' }, created: '2026-03-02T05:00', text: 'Hgb 7.1 (pre-op 12.4)' },
    { id: 'pn', type: 'progress-note', author: { name: 'Ada Voss', role: 'surgeon' }, created: '2026-03-02T09:00', signed: '2026-03-02T09:10', text: 'POD1. Hgb 7.1. Transfuse 2 units PRBC. EBL 900 mL.' },
  ],
});
const query = v.parse(queryInputSchema, {
  topic: 'Anemia',
  purpose: 'new-diagnosis',
  provider: { name: 'Ada Voss', credentials: 'MD', role: 'surgeon' },
  indicators: [
    { id: 'hgb', label: 'Hgb 7.1 from 12.4', match: ['7.1'], evidence: { documentId: 'cbc', quote: 'Hgb 7.1' } },
    { id: 'prbc', label: '2 units PRBC', match: ['PRBC', 'transfus'], evidence: { documentId: 'pn', quote: 'Transfuse 2 units PRBC' } },
  ],
  options: [{ id: 'abla', label: 'Acute blood loss anemia', match: ['acute blood loss anemia'], supported: true, providerChooses: true }],
  providerDocumentation: 'Acute blood loss anemia, expected for the surgery, treated with transfusion.',
  respondedAt: '2026-03-06T10:15',
});
const draft: QueryDraft = {
  addressee: 'Ada Voss',
  format: 'open-ended',
  body: 'Hgb fell to 7.1 (pre-op 12.4) and 2 units PRBC were transfused on POD1. Please clarify the clinical significance of these findings in the record?',
  options: [],
};

function start() {
  return createActor(queryResponseMachine, { input: { scenario, stepId: 'query', query, responseDelayMs: 2000 } }).start();
}

describe('queryResponseMachine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a compliant query is answered after the provider review time and files a query-response document', () => {
    const actor = start();
    actor.send({ type: 'learner.send', draft });
    expect(actor.getSnapshot().value).toBe('withProvider');
    vi.advanceTimersByTime(1999);
    expect(actor.getSnapshot().value).toBe('withProvider');
    vi.advanceTimersByTime(1);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('answered');
    expect(snap.status).toBe('done');
    expect(snap.context.document).toMatchObject({ type: 'query-response', signed: '2026-03-06T10:15', author: { name: 'Ada Voss', role: 'surgeon' } });
    expect(snap.context.document?.text).toContain('Acute blood loss anemia, expected for the surgery');
    expect(amendChart(scenario, snap.context.document ?? undefined).chart.at(-1)?.id).toBe('query-response-query');
  });

  test('a query to the wrong provider comes back and can be revised and resent', () => {
    const actor = start();
    actor.send({ type: 'learner.send', draft: { ...draft, addressee: 'Someone Else' } });
    expect(actor.getSnapshot().value).toBe('misdirected');
    actor.send({ type: 'learner.revise' });
    expect(actor.getSnapshot().value).toBe('drafting');
    actor.send({ type: 'learner.send', draft });
    actor.send({ type: 'provider.respond' });
    expect(actor.getSnapshot().value).toBe('answered');
  });

  test('a leading or financial query is stopped before the provider sees it', () => {
    const actor = start();
    actor.send({ type: 'learner.send', draft: { ...draft, body: `${draft.body} Acute blood loss anemia is a CC.` } });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('returned');
    expect(snap.context.outcome).toMatchObject({ kind: 'returned' });
    expect(snap.context.document).toBeNull();
  });

  test('the snapshot survives a JSON round trip (persisted with the case)', () => {
    const actor = start();
    actor.send({ type: 'learner.send', draft });
    const persisted: unknown = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(queryResponseMachine, { input: { scenario, stepId: 'query', query }, snapshot: persisted as never }).start();
    expect(restored.getSnapshot().value).toBe('withProvider');
    restored.send({ type: 'provider.respond' });
    expect(restored.getSnapshot().context.document?.id).toBe('query-response-query');
  });
});
