import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { ATTENDING, buildScenario } from '../../../domain/completeness/scenarioFactory';
import { completenessInputSchema, type CompletenessResponse } from '../../../domain/completeness/completenessReviewTask';
import CompletenessReviewTask from './CompletenessReviewTask.svelte';
import { completenessComponents } from './components';

const scenario = buildScenario({
  documents: [
    { id: 'hp', type: 'history-and-physical', title: 'History and physical', created: '2026-03-01T14:00', signed: '2026-03-01T15:00' },
    { id: 'vo', type: 'order', title: 'Telephone order 03/02 02:40', author: { name: 'Caleb Ferreira', role: 'attending' }, created: '2026-03-02T02:40', order: { mode: 'telephone' } },
  ],
});
const input = v.parse(completenessInputSchema, { reviewDate: '2026-03-12T09:00', policy: { verbalOrderHours: 24 } });
const empty: CompletenessResponse = { flags: [], qualitative: [], status: '' };

function setup(response: CompletenessResponse = empty, disabled = false) {
  const onChange = vi.fn<(r: CompletenessResponse) => void>();
  const onOpenDocument = vi.fn();
  const view = render(CompletenessReviewTask, { props: { scenario, stepId: 'review', input, response, disabled, onChange, onOpenDocument } });
  return { onChange, onOpenDocument, view };
}

describe('CompletenessReviewTask', () => {
  it('is registered for the completeness-review task type', () => {
    expect(completenessComponents['completeness-review']).toBe(CompletenessReviewTask);
  });

  it('shows the review date and the policy windows in force', () => {
    setup();
    expect(screen.getByText(/03\/12\/2026 09:00/)).toBeInTheDocument();
    expect(screen.getByText(/verbal orders\s+authenticated within 24 h/)).toBeInTheDocument();
  });

  it('adds a deficiency line by keyboard and fills it from the pickers', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup();
    screen.getByRole('button', { name: 'Add deficiency' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, flags: [{ target: '', type: '', provider: '' }] });
    const line = { flags: [{ target: '', type: '', provider: '' }], qualitative: [], status: '' };
    await view.rerender({ response: line });
    await waitFor(() => expect(screen.getByLabelText('Document for deficiency 1')).toHaveFocus());
    await user.selectOptions(screen.getByLabelText('Document for deficiency 1'), 'Telephone order 03/02 02:40');
    expect(onChange).toHaveBeenLastCalledWith({ ...line, flags: [{ target: 'vo', type: '', provider: '' }] });
    await user.selectOptions(screen.getByLabelText('Deficiency type 1'), 'VO');
    expect(onChange).toHaveBeenLastCalledWith({ ...line, flags: [{ target: '', type: 'VO', provider: '' }] });
    await user.selectOptions(screen.getByLabelText('Responsible provider 1'), 'Caleb Ferreira');
    expect(onChange).toHaveBeenLastCalledWith({ ...line, flags: [{ target: '', type: '', provider: 'Caleb Ferreira' }] });
  });

  it('offers missing documents and every provider in the chart', () => {
    setup({ ...empty, flags: [{ target: 'missing:discharge-summary', type: 'DICT', provider: ATTENDING }] });
    expect(screen.getByLabelText('Document for deficiency 1')).toHaveValue('missing:discharge-summary');
    expect(screen.getByRole('option', { name: 'Missing: Operative report' })).toBeInTheDocument();
    expect(screen.getAllByRole('option', { name: 'Caleb Ferreira' })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Open document 1' })).not.toBeInTheDocument();
  });

  it('opens the flagged document and removes a line', async () => {
    const user = userEvent.setup();
    const { onChange, onOpenDocument } = setup({ ...empty, flags: [{ target: 'vo', type: 'VO', provider: 'Caleb Ferreira' }] });
    await user.click(screen.getByRole('button', { name: 'Open document 1' }));
    expect(onOpenDocument).toHaveBeenCalledWith('vo');
    await user.click(screen.getByRole('button', { name: 'Remove deficiency 1' }));
    expect(onChange).toHaveBeenLastCalledWith(empty);
  });

  it('records qualitative findings and the record status', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup();
    await user.click(screen.getByRole('button', { name: 'Add qualitative finding' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, qualitative: [{ documentId: '', kind: '' }] });
    await view.rerender({ response: { ...empty, qualitative: [{ documentId: '', kind: '' }] } });
    await user.selectOptions(screen.getByLabelText('Problem 1'), 'Conflicting documentation');
    expect(onChange).toHaveBeenLastCalledWith({ ...empty, qualitative: [{ documentId: '', kind: 'conflict' }] });
    await user.click(screen.getByRole('radio', { name: /Delinquent/ }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'delinquent' }));
  });

  it('locks every control once submitted', () => {
    setup({ ...empty, flags: [{ target: 'vo', type: 'VO', provider: 'Caleb Ferreira' }], status: 'incomplete' }, true);
    expect(screen.getByLabelText('Deficiency type 1')).toBeDisabled();
    expect(screen.getByRole('radio', { name: /Incomplete/ })).toBeDisabled();
    expect(screen.getByRole('radio', { name: /Incomplete/ })).toBeChecked();
  });
});
