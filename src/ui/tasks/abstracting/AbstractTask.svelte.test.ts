import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../../content/scenarioSchema';
import { abstractInputSchema, emptyAbstract, type AbstractResponse } from '../../../domain/abstracting/abstract';
import AbstractTask from './AbstractTask.svelte';
import { abstractingComponents } from './components';

const scenario = v.parse(scenarioSchema, {
  format: 'him-sim/scenario@1', id: 'abs-ui', module: 'abstracting', title: 't',
  patient: { name: { family: 'Thistlewaite', given: 'Orla' }, mrn: 'SIM-5520931', dob: '1961-09-30', sex: 'F' },
  encounter: { admitted: '2026-03-03T02:15', discharged: '2026-03-07T14:30', admissionType: '1', admissionSource: '1', attending: { name: 'Marcus Oyelaran, MD' }, dischargeDisposition: '06' },
  chart: [{ id: 'cs', type: 'other', title: 'Coding summary', author: { name: 'HIM', role: 'him' }, created: '2026-03-09T09:00', text: 'K80.00' }],
  steps: [{ id: 's', type: 'abstract' }],
});
const input = v.parse(abstractInputSchema, { codes: { pdx: { code: 'K80.00' } }, codingSummaryDocumentId: 'cs' });

function setup(response: AbstractResponse = emptyAbstract()) {
  const onChange = vi.fn<(r: AbstractResponse) => void>();
  const onOpenDocument = vi.fn();
  const view = render(AbstractTask, { props: { scenario, stepId: 'a', input, response, disabled: false, onChange, onOpenDocument } });
  return { onChange, onOpenDocument, view };
}

describe('AbstractTask', () => {
  it('is registered', () => expect(abstractingComponents.abstract).toBe(AbstractTask));

  it('edits a field by keyboard', async () => {
    const user = userEvent.setup();
    const { onChange } = setup();
    await user.type(screen.getByLabelText('Discharge disposition (FL17)'), '6');
    expect(onChange).toHaveBeenLastCalledWith({ ...emptyAbstract(), disposition: '6' });
  });

  it('shows field-level messages for impossible dates, unknown status and age/sex conflicts', () => {
    setup({ ...emptyAbstract(), dob: '1961-09-30', sex: 'M', admitDate: '2026-03-03', dischargeDate: '2026-02-30', disposition: '99', pdx: 'N83.201' });
    expect(screen.getByLabelText('Discharge date')).toHaveAccessibleDescription(/not a real calendar date/);
    expect(screen.getByLabelText('Discharge disposition (FL17)')).toHaveAccessibleDescription(/not a UB-04 discharge status/);
    expect(screen.getByLabelText('Principal diagnosis')).toHaveAccessibleDescription(/female-only/);
    expect(screen.getByLabelText('Discharge date')).toHaveAttribute('aria-invalid', 'true');
  });

  it('adds and removes diagnosis and procedure rows', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup();
    await user.click(screen.getByRole('button', { name: 'Add other diagnosis' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...emptyAbstract(), sdx: [{ code: '', poa: '' }] });
    await view.rerender({ response: { ...emptyAbstract(), sdx: [{ code: '', poa: '' }] } });
    await vi.waitFor(() => expect(screen.getByLabelText('Other diagnosis 1')).toHaveFocus());
    await view.rerender({ response: { ...emptyAbstract(), procedures: [{ code: '0FT44ZZ', date: '2026-03-04', surgeon: 'I. Carvalho' }] } });
    await user.click(screen.getByRole('button', { name: 'Remove procedure 1' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...emptyAbstract(), procedures: [] });
  });

  it('opens the coding summary', async () => {
    const user = userEvent.setup();
    const { onOpenDocument } = setup();
    await user.click(screen.getByRole('button', { name: 'Coding summary' }));
    expect(onOpenDocument).toHaveBeenCalledWith('cs');
  });

  it('renders a partly saved (malformed) response without crashing', () => {
    setup({ pdx: 'K80.00' } as AbstractResponse);
    expect(screen.getByLabelText('Principal diagnosis')).toHaveValue('K80.00');
  });
});
