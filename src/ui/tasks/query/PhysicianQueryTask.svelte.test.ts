import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { buildScenario } from '../../../domain/completeness/scenarioFactory';
import { queryInputSchema, type QueryDraft } from '../../../domain/query/queryCompliance';
import PhysicianQueryTask from './PhysicianQueryTask.svelte';
import { queryComponents } from './components';

const scenario = buildScenario({
  documents: [
    { id: 'cbc', type: 'lab', author: { name: 'LIS', role: 'technologist' }, created: '2026-03-02T05:00', text: 'Hgb 7.1 (pre-op 12.4)' },
    { id: 'pn', type: 'progress-note', author: { name: 'Ada Voss', role: 'surgeon' }, created: '2026-03-02T09:00', signed: '2026-03-02T09:10', text: 'POD1. Hgb 7.1. Transfuse 2 units PRBC.' },
  ],
});
const input = v.parse(queryInputSchema, {
  topic: 'Postoperative anemia',
  purpose: 'new-diagnosis',
  provider: { name: 'Ada Voss', credentials: 'MD', role: 'surgeon' },
  indicators: [
    { id: 'hgb', label: 'Hgb 7.1 from 12.4', match: ['7.1'], evidence: { documentId: 'cbc', quote: 'Hgb 7.1' } },
    { id: 'prbc', label: '2 units PRBC', match: ['PRBC'], evidence: { documentId: 'pn', quote: 'Transfuse 2 units PRBC' } },
  ],
  options: [
    { id: 'abla', label: 'Acute blood loss anemia', match: ['acute blood loss anemia'], supported: true, providerChooses: true },
    { id: 'expected', label: 'Expected postoperative blood loss, not anemia', match: ['expected'], supported: true },
  ],
  providerDocumentation: 'Acute blood loss anemia due to intraoperative blood loss.',
});
const empty: QueryDraft = { addressee: '', format: '', body: '', options: ['', '', '', ''] };
const written: QueryDraft = {
  addressee: 'Ada Voss',
  format: 'multiple-choice',
  body: 'Hgb 7.1 on POD1 (pre-op 12.4); 2 units PRBC transfused. Please clarify the condition being treated?',
  options: ['Acute blood loss anemia', 'Expected postoperative blood loss, not anemia', 'Other', 'Clinically undetermined'],
};

function setup(response: QueryDraft = empty, disabled = false) {
  const onChange = vi.fn<(r: QueryDraft) => void>();
  const view = render(PhysicianQueryTask, { props: { scenario, stepId: 'query', input, response, disabled, onChange, onOpenDocument: vi.fn() } });
  return { onChange, view };
}

describe('PhysicianQueryTask', () => {
  afterEach(() => vi.useRealTimers());

  it('is registered for the physician-query task type', () => {
    expect(queryComponents['physician-query']).toBe(PhysicianQueryTask);
  });

  it('edits addressee, format, body and options', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup();
    await user.selectOptions(screen.getByLabelText('Send to'), 'Ada Voss');
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, addressee: 'Ada Voss' });
    await user.click(screen.getByRole('radio', { name: 'Multiple choice' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, format: 'multiple-choice' });
    await user.type(screen.getByLabelText('Clinical indicators and question'), 'H');
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, body: 'H' });
    expect(screen.queryByLabelText('Option 1')).not.toBeInTheDocument();
    await view.rerender({ response: { ...empty, format: 'multiple-choice' } });
    await user.type(screen.getByLabelText('Option 2'), 'O');
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, format: 'multiple-choice', options: ['', 'O', '', ''] });
    await user.click(screen.getByRole('button', { name: 'Remove option 4' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, format: 'multiple-choice', options: ['', '', ''] });
  });

  it('shows no checks before submission', () => {
    setup(written);
    expect(screen.queryByRole('heading', { name: 'Compliance checks' })).not.toBeInTheDocument();
  });

  it('after submission lists each check and files the provider answer', async () => {
    vi.useFakeTimers();
    setup(written, true);
    expect(screen.getByRole('heading', { name: 'Compliance checks' })).toBeInTheDocument();
    expect(screen.getByText(/Passed: Includes clinical indicators from this record/)).toBeInTheDocument();
    expect(screen.getByText(/Waiting for the provider's answer/)).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(1300);
    expect(screen.getByText(/Filed in the chart as/)).toBeInTheDocument();
    expect(screen.getByText(/\[X\] Acute blood loss anemia/)).toBeInTheDocument();
  });

  it('a query that mentions the DRG fails that check and is stopped', () => {
    setup({ ...written, body: `${written.body} ABLA affects the DRG.` }, true);
    expect(screen.getByText(/Failed: No payment, DRG or quality-score impact/)).toBeInTheDocument();
    expect(screen.getByText(/Stopped by the CDI lead/)).toBeInTheDocument();
  });
});
