import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../../content/scenarioSchema';
import { admissionInputSchema, type AdmissionResponse, type DischargeResponse } from '../../../domain/adt/taskTypes';
import AdtAdmissionTask from './AdtAdmissionTask.svelte';
import AdtDischargeTask from './AdtDischargeTask.svelte';
import { adtComponents } from './components';

const author = { name: 'Dana Whitfield', role: 'attending' };
const scenario = v.parse(scenarioSchema, {
  format: 'him-sim/scenario@1', id: 'adt-ui', module: 'adt', title: 't',
  patient: { name: { family: 'Marchetti', given: 'Rosa' }, mrn: 'SIM-4410287', dob: '1949-03-12', sex: 'F' },
  encounter: { admitted: '2026-02-02T21:40', discharged: '2026-02-06T11:00', admissionType: '1', admissionSource: '1', attending: { name: 'Dana Whitfield, MD' }, dischargeDisposition: '06' },
  chart: [
    { id: 'hp', type: 'history-and-physical', title: 'H&P', author, created: '2026-02-02T23:00', text: 'H&P' },
    { id: 'ds', type: 'discharge-summary', title: 'Discharge summary', author, created: '2026-02-06T10:00', text: 'Disposition: home with VNA.' },
  ],
  steps: [{ id: 's', type: 'adt-discharge' }],
});

describe('AdtDischargeTask', () => {
  const response: DischargeResponse = { status: '', order: ['hp', 'ds'], missing: [] };
  it('is registered', () => expect(adtComponents['adt-discharge']).toBe(AdtDischargeTask));

  it('types a status, reorders by keyboard, flags a missing document', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(r: DischargeResponse) => void>();
    const onOpenDocument = vi.fn();
    const view = render(AdtDischargeTask, { props: { scenario, stepId: 'd', input: { alsoRequired: [], exempt: [] }, response, disabled: false, onChange, onOpenDocument } });
    await user.type(screen.getByLabelText('Discharge status code'), '6');
    expect(onChange).toHaveBeenLastCalledWith({ ...response, status: '6' });
    screen.getByRole('button', { name: 'Move Discharge summary up' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ ...response, order: ['ds', 'hp'] });
    await view.rerender({ response: { ...response, order: ['ds', 'hp'] } });
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Move Discharge summary down' })).toHaveFocus());
    await view.rerender({ response });
    await user.click(screen.getByLabelText('Face sheet'));
    expect(onChange).toHaveBeenLastCalledWith({ ...response, missing: ['face-sheet'] });
    await user.click(screen.getByRole('button', { name: 'H&P' }));
    expect(onOpenDocument).toHaveBeenCalledWith('hp');
  });

  it('gives a field-level message for an unknown status code', () => {
    render(AdtDischargeTask, { props: { scenario, stepId: 'd', input: { alsoRequired: [], exempt: [] }, response: { ...response, status: '99' }, disabled: false, onChange: vi.fn(), onOpenDocument: vi.fn() } });
    expect(screen.getByRole('status')).toHaveTextContent('"99" is not a UB-04 discharge status code');
  });
});

describe('AdtAdmissionTask', () => {
  const input = v.parse(admissionInputSchema, { faceSheet: { family: 'Marchetti', given: 'Rose', admissionType: '3' }, facts: { arrival: 'emergency-department', inpatientOrder: '2026-02-02T21:40' } });
  it('is registered', () => expect(adtComponents['adt-admission']).toBe(AdtAdmissionTask));

  it('flags a field and picks the corrected FL14 code', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(r: AdmissionResponse) => void>();
    const view = render(AdtAdmissionTask, { props: { scenario, stepId: 'a', input, response: { fields: {} }, disabled: false, onChange, onOpenDocument: vi.fn() } });
    expect(screen.getByRole('row', { name: /Type of admission/ })).toHaveTextContent('3 (Elective)');
    await user.selectOptions(screen.getByLabelText('Review of Given name'), 'conflict');
    expect(onChange).toHaveBeenLastCalledWith({ fields: { given: { status: 'conflict' } } });
    await view.rerender({ response: { fields: { admissionType: { status: 'wrong-code' } } } });
    await user.selectOptions(screen.getByLabelText('Correct FL14 code'), '1');
    expect(onChange).toHaveBeenLastCalledWith({ fields: { admissionType: { status: 'wrong-code', correction: '1' } } });
  });
});
