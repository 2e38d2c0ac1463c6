import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../../../../tests/factories/scenarioFactory';
import type { CodingResponse } from '../../../domain/coding/codingTask';
import CodingTask from './CodingTask.svelte';

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

  it('locks the inputs once submitted', () => {
    render(CodingTask, {
      props: { scenario, stepId: 'code', input: undefined, response: { pdx: 'J13', sdx: [], procedures: [] }, disabled: true, onChange: vi.fn(), onOpenDocument: vi.fn() },
    });
    expect(screen.getByLabelText('Principal diagnosis')).toBeDisabled();
  });
});
