import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../../../../tests/factories/scenarioFactory';
import { accessLogFor, auditInputSchema, type AuditResponse } from '../../../domain/audit/auditTask';
import AccessAuditTask from './AccessAuditTask.svelte';

const { scenario } = buildScenario();
const input = v.parse(auditInputSchema, { seed: 5, rows: 1500, incidents: 7 });
const log = accessLogFor(input);

function setup(response: AuditResponse = { flags: [] }, disabled = false) {
  const onChange = vi.fn<(r: AuditResponse) => void>();
  const view = render(AccessAuditTask, { props: { scenario, stepId: 'audit', input, response, disabled, onChange, onOpenDocument: vi.fn() } });
  return { onChange, view };
}
const renderedRows = () => screen.getAllByRole('combobox', { name: /^Flag row \d+$/ });

describe('AccessAuditTask', () => {
  it('renders only the rows in view of a large log', async () => {
    setup();
    expect(screen.getByText(`${log.rows.length.toLocaleString()} of ${log.rows.length.toLocaleString()} rows`)).toBeInTheDocument();
    const before = renderedRows();
    expect(before.length).toBeLessThan(40);
    expect(before[0]).toHaveAccessibleName('Flag row 1');
    const region = screen.getByRole('region', { name: /Access log rows/ });
    region.scrollTop = 34 * 500;
    await fireEvent.scroll(region);
    expect(screen.getByRole('combobox', { name: 'Flag row 501' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Flag row 1' })).toBeNull();
  });

  it('runs red-flag reports and sorts by keyboard', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByLabelText('Break-the-glass only'));
    const btg = log.rows.filter((r) => r.breakTheGlass).length;
    expect(screen.getByText(`${btg} of ${log.rows.length.toLocaleString()} rows`)).toBeInTheDocument();
    expect(renderedRows()).toHaveLength(Math.min(btg, renderedRows().length));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Red-flag marker'), 'VIP');
    const vip = log.rows.filter((r) => r.flags.includes('VIP')).length;
    expect(screen.getByText(`${vip} of ${log.rows.length.toLocaleString()} rows`)).toBeInTheDocument();
    screen.getByRole('button', { name: 'Sort by Row' }).focus();
    await user.keyboard('{Enter}{Enter}');
    expect(screen.getByRole('columnheader', { name: /Row/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('flags a row with a pattern and lists it', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Flag row 3' }), 'vip');
    expect(onChange).toHaveBeenLastCalledWith({ flags: [{ rowId: 3, pattern: 'vip' }] });
    await view.rerender({ response: { flags: [{ rowId: 3, pattern: 'vip' }] } });
    expect(screen.getByText('Flagged accesses (1)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove flag on row 3' }));
    expect(onChange).toHaveBeenLastCalledWith({ flags: [] });
  });

  it('locks flags once submitted', () => {
    setup({ flags: [{ rowId: 1, pattern: 'self' }] }, true);
    expect(screen.getByRole('combobox', { name: 'Flag row 1' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Flag row 1' })).toHaveValue('self');
  });
});
