import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadNodeTaskServices } from '../../../../tools/lib/nodeServices';
import { getTaskServices } from '../taskServices';
import { buildScenario } from '../../../../tests/factories/scenarioFactory';
import type { CodingResponse } from '../../../domain/coding/codingTask';
import CodingTask from './CodingTask.svelte';
import { codingResponseFor } from './codingDrafts';

const { scenario } = buildScenario();

function setup(response: CodingResponse = { pdx: '', sdx: [], procedures: [] }) {
  const onChange = vi.fn<(r: CodingResponse) => void>();
  const view = render(CodingTask, {
    props: { scenario, stepId: 'code', input: undefined, response, disabled: false, onChange, onOpenDocument: vi.fn() },
  });
  return { onChange, view };
}

describe('CodingTask', () => {
  it('reports typed codes as a new response and checks their shape as you type', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup();
    await user.type(screen.getByLabelText('Principal diagnosis'), 'J');
    expect(onChange).toHaveBeenLastCalledWith({ pdx: 'J', sdx: [], procedures: [] });
    await view.rerender({ response: { pdx: 'J1', sdx: [], procedures: [] } });
    expect(screen.getByText(/Not an ICD-10-CM code shape/)).toBeInTheDocument();
  });

  it('adds a secondary row and reorders rows by keyboard', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup({ pdx: 'J13', sdx: [{ code: 'I10', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }], procedures: [] });
    await user.click(screen.getByRole('button', { name: 'Add secondary diagnosis' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ sdx: [{ code: 'I10', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }, { code: '', poa: '' }] }));
    screen.getByRole('button', { name: 'Move secondary 2 up' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ sdx: [{ code: 'E11.9', poa: 'Y' }, { code: 'I10', poa: 'Y' }] }));
    await view.rerender({ response: { pdx: 'J13', sdx: [{ code: 'I10', poa: 'Y' }], procedures: [] } });
    expect(screen.getByRole('button', { name: 'Move secondary 1 up' })).toBeDisabled();
  });

  it('labels every control', () => {
    setup({ pdx: 'J13', sdx: [{ code: 'I10', poa: 'Y' }], procedures: [{ code: '0W9B3ZX', date: '2026-02-10' }] });
    expect(screen.getByLabelText('POA for secondary 1')).toHaveValue('Y');
    expect(screen.getByLabelText('Procedure 1')).toHaveValue('0W9B3ZX');
    expect(screen.getByLabelText('Date of procedure 1')).toHaveValue('2026-02-10');
  });

  it('moves a secondary row with Alt+Arrow keys in its code field', async () => {
    const user = userEvent.setup();
    const { onChange } = setup({ pdx: 'J13', sdx: [{ code: 'I10', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }], procedures: [] });
    screen.getByLabelText('Secondary diagnosis 2').focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ sdx: [{ code: 'E11.9', poa: 'Y' }, { code: 'I10', poa: 'Y' }] }));
  });

  it('publishes its response for the DRG step', () => {
    const response = { pdx: 'J13', sdx: [], procedures: [] };
    setup(response);
    expect(codingResponseFor(scenario.id, 'code')).toEqual(response);
  });

  it('locks the inputs once submitted', () => {
    render(CodingTask, {
      props: { scenario, stepId: 'code', input: undefined, response: { pdx: 'J13', sdx: [], procedures: [] }, disabled: true, onChange: vi.fn(), onOpenDocument: vi.fn() },
    });
    expect(screen.getByLabelText('Principal diagnosis')).toBeDisabled();
  });
});

describe('CodingTask with the FY2026 code sets loaded', () => {
  beforeAll(async () => {
    const services = await loadNodeTaskServices();
    Object.assign(getTaskServices(), services);
  }, 60_000);

  it.each([
    ['J18', /J18 is a category: add a 4th character/],
    ['S72.001', /needs a 7th character/],
    ['J1O', /Read as J10: 3rd character is the digit 0, not the letter O/],
    ['J13', /Pneumonia due to Streptococcus pneumoniae/],
  ])('hints for %s as you type', (pdx, hint) => {
    setup({ pdx, sdx: [], procedures: [] });
    expect(screen.getByText(hint)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Code sets loaded');
  });

  it('offers POA 1 only for exempt codes', () => {
    setup({ pdx: 'J13', sdx: [{ code: 'Z79.4', poa: '' }, { code: 'N17.9', poa: '' }], procedures: [] });
    const exempt = within(screen.getByLabelText('POA for secondary 1')).getAllByRole('option').map((o) => o.getAttribute('value'));
    const regular = within(screen.getByLabelText('POA for secondary 2')).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(exempt).toEqual(['', '1']);
    expect(regular).toEqual(['', 'Y', 'N', 'U', 'W']);
    expect(screen.getByText(/POA-exempt list: report 1/)).toBeInTheDocument();
  });
});
