import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../../../tests/factories/scenarioFactory';
import ChartViewer from './ChartViewer.svelte';

const { scenario } = buildScenario({
  chart: [
    { id: 'hp', type: 'history-and-physical', author: { name: 'Pat Example', credentials: 'MD', role: 'attending' }, created: '2026-03-01T09:00', text: '<img src=x onerror=alert(1)> pneumonia, likely pneumococcal.' },
    { id: 'ds', type: 'discharge-summary', author: { name: 'Pat Example', role: 'attending' }, created: '2026-03-04T09:00', signed: '2026-03-04T09:30', text: 'Dx: pneumonia.' },
  ],
});

describe('ChartViewer', () => {
  it('lists documents with type, author and date, and opens one on click', async () => {
    const onOpen = vi.fn();
    render(ChartViewer, { props: { documents: scenario.chart, openId: 'hp', highlight: null, onOpen } });
    const dsButton = screen.getByRole('button', { name: /Discharge summary.*03\/04\/2026 09:00/ });
    await userEvent.setup().click(dsButton);
    expect(onOpen).toHaveBeenCalledWith('ds');
  });

  it('shows an unsigned document as not signed', () => {
    render(ChartViewer, { props: { documents: scenario.chart, openId: 'hp', highlight: null, onOpen: vi.fn() } });
    expect(screen.getByText('Not signed')).toBeInTheDocument();
  });

  it('renders scenario text as text, never as HTML, and highlights the evidence', () => {
    const { container } = render(ChartViewer, { props: { documents: scenario.chart, openId: 'hp', highlight: 'likely pneumococcal', onOpen: vi.fn() } });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
    expect(container.querySelector('mark')?.textContent).toBe('likely pneumococcal');
  });
});
