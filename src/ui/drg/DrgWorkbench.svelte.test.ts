import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { grouperDir } from '../../../tools/grouper/loadTables';
import DrgWorkbench from './DrgWorkbench.svelte';

/** fetch stub serving the real compiled tables from public/grouper. */
function stubFetch(): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn((url: string) => {
    const name = url.split('/').pop() ?? '';
    try {
      const text = readFileSync(join(grouperDir, name), 'utf8');
      return Promise.resolve(new Response(text, { status: 200 }));
    } catch {
      return Promise.resolve(new Response('not found', { status: 404 }));
    }
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('DrgWorkbench', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = stubFetch();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('loads the tables lazily, groups a sepsis claim to 871 and to 872 without the MCC', async () => {
    render(DrgWorkbench);
    expect(screen.getByRole('heading', { level: 1, name: 'DRG workbench' })).toBeInTheDocument();
    // First paint happens before any table is fetched; a progress indicator is shown.
    expect(screen.getByRole('status')).toHaveTextContent(/Loading grouper tables/);
    const groupButton = screen.getByRole('button', { name: 'Group' });
    expect(groupButton).toBeDisabled();
    await vi.waitFor(() => expect(groupButton).toBeEnabled(), { timeout: 30_000 });
    expect(fetchMock).toHaveBeenCalledWith(expect.stringMatching(/grouper\/meta\.json$/));

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Principal diagnosis'), 'A41.9');
    await user.type(screen.getByLabelText('Secondary diagnosis'), 'J96.01');
    await user.click(screen.getByRole('button', { name: 'Add secondary' }));
    await user.type(screen.getByLabelText('Secondary diagnosis'), 'N179{Enter}');
    await user.click(groupButton);

    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText(/DRG 871/)).toBeInTheDocument();
    expect(within(result).getByText(/Septicemia or Severe Sepsis without MV >96 Hours with MCC/)).toBeInTheDocument();
    const trace = screen.getByRole('region', { name: 'How the grouper decided' });
    expect(within(trace).getByText(/places the case in MDC 18/)).toBeInTheDocument();
    expect(within(trace).getByText(/Severity: MCC, decided by J9601/)).toBeInTheDocument();
    const family = screen.getByRole('region', { name: 'DRG family' });
    expect(within(family).getByText(/Without secondary J9601 moves the case here/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove J9601' }));
    await vi.waitFor(() => expect(within(screen.getByRole('region', { name: 'Result' })).getByText(/DRG 872/)).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Remove J9601' })).toBeNull();
  }, 60_000);

  it('toggles a code out for a what-if and back in', async () => {
    render(DrgWorkbench);
    const user = userEvent.setup();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Group' })).toBeEnabled(), { timeout: 30_000 });
    await user.click(screen.getByRole('button', { name: 'Load sepsis example' }));
    const region = (): HTMLElement => screen.getByRole('region', { name: 'Result' });
    await vi.waitFor(() => expect(within(region()).getByText(/DRG 871/)).toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Include J9601' }));
    await vi.waitFor(() => expect(within(region()).getByText(/DRG 872/)).toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Include J9601' }));
    await vi.waitFor(() => expect(within(region()).getByText(/DRG 871/)).toBeInTheDocument());
  }, 60_000);

  it('rejects a malformed code with a message instead of grouping', async () => {
    render(DrgWorkbench);
    const user = userEvent.setup();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Group' })).toBeEnabled(), { timeout: 30_000 });
    await user.type(screen.getByLabelText('Principal diagnosis'), 'x');
    await user.click(screen.getByRole('button', { name: 'Group' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/principal diagnosis code/);
    expect(screen.queryByRole('region', { name: 'Result' })).toBeNull();
  }, 60_000);
});
