import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../../../../tests/factories/scenarioFactory';
import { loadGrouperTablesFromDisk } from '../../../../tools/grouper/loadTables';
import { createGrouperService } from '../../../domain/drg/grouperService';
import type { DrgAssignmentResponse } from '../../../domain/drg/drgAssignmentTask';
import { getTaskServices } from '../taskServices';
import { publishCodingResponse } from '../coding/codingDrafts';
import DrgAssignmentTask from './DrgAssignmentTask.svelte';

const { scenario } = buildScenario({
  patient: { name: { family: 'Testcase', given: 'Al' }, mrn: 'SIM-0000002', dob: '1958-03-22', sex: 'M' },
  steps: [
    { id: 'code', type: 'coding', answer: { pdx: 'J13', sdx: [{ code: 'J91.8', poa: 'Y' }], procedures: [] } },
    { id: 'drg', type: 'drg-assignment', input: { codingStep: 'code' } },
  ],
});
const codes = { pdx: 'J13', sdx: [{ code: 'J91.8', poa: 'Y' }, { code: 'I10', poa: 'Y' }], procedures: [{ code: '0W9B3ZX', date: '2026-03-02' }] };

beforeAll(() => {
  getTaskServices().grouper = createGrouperService(loadGrouperTablesFromDisk());
});

function setup(response: DrgAssignmentResponse, disabled = false) {
  const onChange = vi.fn<(r: DrgAssignmentResponse) => void>();
  const view = render(DrgAssignmentTask, { props: { scenario, stepId: 'drg', input: { codingStep: 'code' }, response, disabled, onChange, onOpenDocument: vi.fn() } });
  return { onChange, view };
}

describe('DrgAssignmentTask', () => {
  it('copies the learner’s codes from the coding step into its response', () => {
    publishCodingResponse(scenario.id, 'code', codes);
    const { onChange } = setup({ drg: '', codes: null });
    expect(onChange).toHaveBeenCalledWith({ drg: '', codes });
  });

  it('shows the grouper trace of the learner’s own codes: DRG, MDC, path, CC usage', () => {
    setup({ drg: '', codes });
    const trace = screen.getByRole('region', { name: 'Grouper trace for your codes' });
    expect(within(trace).getByText('194')).toBeInTheDocument();
    expect(within(trace).getByText(/^MDC 04 .* \(from the principal diagnosis J13\)$/)).toBeInTheDocument();
    expect(within(trace).getByText(/^medical/)).toBeInTheDocument();
    expect(within(trace).getByText(/with CC, set by J91\.8/)).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /I10/ });
    expect(within(row).getByText('not a CC or MCC')).toBeInTheDocument();
    expect(screen.getByText(/never a target/)).toBeInTheDocument();
  });

  it('what-if: leaving out the CC changes the DRG, announced in words', async () => {
    const user = userEvent.setup();
    setup({ drg: '', codes });
    await user.click(screen.getByLabelText('Include J91.8'));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('What if: MS-DRG 194 -> 195 Simple Pneumonia and Pleurisy without CC/MCC (with CC -> without CC/MCC).');
  });

  it('confirms the DRG from the learner’s codes by keyboard and names a typed DRG', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup({ drg: '', codes });
    screen.getByRole('button', { name: 'Use MS-DRG 194 from my codes' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ drg: '194', codes });
    await view.rerender({ response: { drg: '193', codes } });
    expect(screen.getByText('193 Simple Pneumonia and Pleurisy with MCC')).toBeInTheDocument();
  });

  it('explains when the coding step’s codes are not available', () => {
    render(DrgAssignmentTask, { props: { scenario, stepId: 'drg', input: { codingStep: 'elsewhere' }, response: { drg: '', codes: null }, disabled: false, onChange: vi.fn(), onOpenDocument: vi.fn() } });
    expect(screen.getByText(/Your codes from the coding step are not available here/)).toBeInTheDocument();
  });

  it('locks the pick once submitted', () => {
    setup({ drg: '194', codes }, true);
    expect(screen.getByLabelText('MS-DRG')).toBeDisabled();
  });
});
