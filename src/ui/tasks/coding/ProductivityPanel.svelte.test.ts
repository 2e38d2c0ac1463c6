import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProductivityPanel from './ProductivityPanel.svelte';

describe('ProductivityPanel', () => {
  it('shows speed beside accuracy against the benchmarks', () => {
    render(ProductivityPanel, { props: { attempts: [{ durationMs: 15 * 60_000, percent: 80 }, { durationMs: 15 * 60_000, percent: 90 }] } });
    expect(screen.getByRole('heading', { name: 'Coding productivity' })).toBeInTheDocument();
    expect(screen.getByText('4.00')).toBeInTheDocument();
    expect(screen.getByText('85%')).toBeInTheDocument();
    expect(screen.getByText(/above the range of 1\.5–2\.5 per hour/)).toBeInTheDocument();
    expect(screen.getByText('below the 95% minimum')).toBeInTheDocument();
    expect(screen.getByText(/Slow down/)).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Speed' })).toHaveAttribute('value', '4');
  });

  it('explains what counts when there are no records yet', () => {
    render(ProductivityPanel, { props: { attempts: [] } });
    expect(screen.getByText(/No timed coding records yet/)).toBeInTheDocument();
  });
});
