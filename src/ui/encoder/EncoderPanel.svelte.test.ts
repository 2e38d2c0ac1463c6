import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { readMceFiles, sharedNodeLoader } from '../../../tools/codesets/node-loader.ts';
import { inProcessEncoder } from './inProcessEncoder';
import EncoderPanel from './EncoderPanel.svelte';

// One encoder for the file: the code sets are parsed and indexed once.
const encoder = inProcessEncoder(sharedNodeLoader(), { mceFiles: readMceFiles });

describe('EncoderPanel', () => {
  it('shows progress, then finds codes from the keyboard and adds the chosen one', async () => {
    const onPick = vi.fn();
    render(EncoderPanel, { props: { dischargeDate: '2025-12-15', onPick, encoder } });
    expect(screen.getByRole('tab', { name: 'Search' })).toHaveAttribute('aria-selected', 'true');
    const box = screen.getByRole('combobox', { name: 'Find a code or term' });
    expect(screen.getByLabelText('Code sets loading')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByLabelText('Code sets loading')).toBeNull(), { timeout: 60_000 });

    const user = userEvent.setup();
    await user.type(box, 'chf acute on chronic');
    const list = await screen.findByRole('listbox', { name: 'Matching codes' }, { timeout: 10_000 });
    await vi.waitFor(() => expect(within(list).getAllByRole('option').length).toBe(3));
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('I50.23');
    expect(screen.getByText(/3 results for chf acute on chronic/)).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{ArrowDown}');
    expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    expect(box.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[1]!.id);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('I5033', 'dx');
  }, 90_000);

  it('explains a header instead of adding it, and corrects a mistyped code', async () => {
    const onPick = vi.fn();
    render(EncoderPanel, { props: { dischargeDate: '2025-12-15', onPick, encoder } });
    await vi.waitFor(() => expect(screen.queryByLabelText('Code sets loading')).toBeNull(), { timeout: 60_000 });
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Find a code or term' });
    await user.type(box, 'J18');
    await screen.findByText('J18 is a category: add a 4th character (J18.0-J18.9).', {}, { timeout: 10_000 });
    await user.keyboard('{Enter}');
    expect(onPick).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, 'j1.89');
    await screen.findByText('Hint: The dot goes after the 3rd character: J18.9.', {}, { timeout: 10_000 });
  }, 90_000);

  it('builds a PCS code from the tables with labels, offering only valid values', async () => {
    const onPick = vi.fn();
    render(EncoderPanel, { props: { dischargeDate: '2025-12-15', onPick, encoder } });
    await vi.waitFor(() => expect(screen.queryByLabelText('Code sets loading')).toBeNull(), { timeout: 60_000 });
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'PCS tables' }));
    const builder = screen.getByRole('region', { name: 'ICD-10-PCS table builder' });
    for (const label of [/Medical and Surgical/, /Gastrointestinal System/, /Resection/, /Appendix/, /Percutaneous Endoscopic/, /No Device/, /No Qualifier/]) {
      const option = await within(builder).findByRole('button', { name: label }, { timeout: 10_000 });
      await user.click(option);
    }
    await user.click(await within(builder).findByRole('button', { name: 'Add 0DTJ4ZZ' }));
    expect(onPick).toHaveBeenCalledWith('0DTJ4ZZ', 'pcs');
  }, 90_000);
});
