import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../../content/scenarioSchema';
import { computeRetrieveKey, duplicatesInputSchema, retrieveInputSchema, type DuplicatesResponse, type RetrieveResponse } from '../../../domain/mpi/taskTypes';
import { getMpi } from '../../../domain/mpi/generator';
import MpiDuplicatesTask from './MpiDuplicatesTask.svelte';
import MpiRetrieveTask from './MpiRetrieveTask.svelte';
import { mpiComponents } from './components';

const scenario = v.parse(scenarioSchema, {
  format: 'him-sim/scenario@1', id: 'mpi-ui', module: 'mpi', title: 't',
  patient: { name: { family: 'X', given: 'Y' }, mrn: 'SIM-0000001', dob: '1950-01-01', sex: 'F' },
  encounter: { admitted: '2026-01-01T10:00', discharged: '2026-01-02T10:00', admissionType: '1', admissionSource: '1', attending: { name: 'A' }, dischargeDisposition: '01' },
  chart: [{ id: 'req', type: 'correspondence', author: { name: 'Clinic', role: 'other' }, created: '2026-01-03T09:00', text: 'request' }],
  steps: [{ id: 's', type: 'mpi-retrieve' }],
});
const seed = 20260114;

describe('MpiRetrieveTask', () => {
  const input = v.parse(retrieveInputSchema, { seed, case: 1 });
  const key = computeRetrieveKey(input);
  const request = getMpi(seed).retrievals[0]!;

  it('is registered', () => expect(mpiComponents['mpi-retrieve']).toBe(MpiRetrieveTask));

  it('shows the request, searches by keyboard and selects a record', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(r: RetrieveResponse) => void>();
    render(MpiRetrieveTask, { props: { scenario, stepId: 's', input, response: { selectedRowId: '', reportedDuplicateRowIds: [] }, disabled: false, onChange, onOpenDocument: vi.fn() } });
    expect(screen.getByText(request.text)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), request.given.name);
    await user.keyboard('{Enter}');
    const results = await screen.findByText(/results? \(/);
    expect(results).toBeInTheDocument();
    const radio = screen.getByLabelText(`Select MRN ${key.target.mrn}`);
    radio.focus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ selectedRowId: key.target.rowId, reportedDuplicateRowIds: [] });
    await user.click(screen.getByLabelText(`Report MRN ${key.lookalikes[0]!.mrn} as a possible duplicate`));
    expect(onChange).toHaveBeenLastCalledWith({ selectedRowId: '', reportedDuplicateRowIds: [key.lookalikes[0]!.rowId] });
    expect(screen.getByText(`Why this score (MRN ${key.target.mrn})`)).toBeInTheDocument();
  });

  it('disables the form once submitted', () => {
    render(MpiRetrieveTask, { props: { scenario, stepId: 's', input, response: { selectedRowId: key.target.rowId, reportedDuplicateRowIds: [] }, disabled: true, onChange: vi.fn(), onOpenDocument: vi.fn() } });
    expect(screen.getByRole('button', { name: 'Search' })).toBeDisabled();
    expect(screen.getByText(/Selected:/)).toHaveTextContent(key.target.mrn);
  });
});

describe('MpiDuplicatesTask', () => {
  const input = v.parse(duplicatesInputSchema, { seed, pairs: ['twins-1', 'duplicate-2'] });

  it('is registered', () => expect(mpiComponents['mpi-duplicates']).toBe(MpiDuplicatesTask));

  it('shows each pair with weights and records a decision per pair', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(r: DuplicatesResponse) => void>();
    render(MpiDuplicatesTask, { props: { scenario, stepId: 'd', input, response: { decisions: { 'twins-1': '', 'duplicate-2': '' } }, disabled: false, onChange, onOpenDocument: vi.fn() } });
    expect(screen.getByText(/2 still undecided/)).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Decision for pair 1' });
    await user.click(within(group).getByLabelText(/Leave apart/));
    expect(onChange).toHaveBeenLastCalledWith({ decisions: { 'twins-1': 'leave-apart', 'duplicate-2': '' } });
    expect(screen.getAllByText(/bits/).length).toBeGreaterThan(2);
    expect(screen.getByRole('table', { name: /Pair 2/ })).toBeInTheDocument();
  });
});
