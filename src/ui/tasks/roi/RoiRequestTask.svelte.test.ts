import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { generatePracticeScenario, generateRequest } from '../../../domain/roi/generateRequest';
import { roiInputSchema, type RoiResponse } from '../../../domain/roi/roiTask';
import RoiRequestTask from './RoiRequestTask.svelte';

function setup(kind: Parameters<typeof generatePracticeScenario>[1], seed = 5, response: RoiResponse = { release: [], authorizationProblems: [] }, disabled = false) {
  const scenario = generatePracticeScenario(seed, kind);
  const input = v.parse(roiInputSchema, scenario.steps[0]!.input);
  const onChange = vi.fn<(r: RoiResponse) => void>();
  const onOpenDocument = vi.fn();
  const view = render(RoiRequestTask, { props: { scenario, stepId: 'roi', input, response, disabled, onChange, onOpenDocument } });
  return { scenario, input, onChange, onOpenDocument, view };
}

describe('RoiRequestTask', () => {
  it('shows the request and the patient and records a decision', async () => {
    const user = userEvent.setup();
    const { input, onChange } = setup('attorney-subpoena');
    expect(screen.getByText(input.request.letter!)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Legal process' })).toBeInTheDocument();
    await user.click(screen.getByLabelText('Request more information'));
    expect(onChange).toHaveBeenLastCalledWith({ release: [], authorizationProblems: [], decision: 'request-more-information' });
  });

  it('selects documents, sets the due date and the accounting answer', async () => {
    const user = userEvent.setup();
    const { onChange, view } = setup('provider-treatment');
    await user.click(screen.getByRole('checkbox', { name: 'Release Discharge summary' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ release: ['discharge-summary'] }));
    await view.rerender({ response: { release: ['discharge-summary'], authorizationProblems: [] } });
    expect(screen.getByText(/Release period: \d{4}-\d{2}-\d{2} to/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Response due date'), '2026-05-01');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ dueDate: '2026-05-01' }));
    await user.click(screen.getByLabelText('No, not accounted'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ accounting: false }));
  });

  it('renders the authorization as a form and ticks problems by keyboard', async () => {
    const user = userEvent.setup();
    const seed = [...Array(50).keys()].find((s) => generateRequest(s, 'employer').input.authorization !== undefined)!;
    const { onChange } = setup('employer', seed);
    const form = screen.getByRole('article', { name: /Authorization for Use or Disclosure/ });
    expect(within(form).getByText('5. Purpose')).toBeInTheDocument();
    expect(within(form).getAllByText(/\((not )?checked\)/).length).toBeGreaterThan(3);
    const box = screen.getByLabelText(/No redisclosure statement/);
    box.focus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ authorizationProblems: ['AUTH-S3'] }));
  });

  it('opens a chart document from the inventory', async () => {
    const user = userEvent.setup();
    const { onOpenDocument } = setup('patient-access');
    await user.click(screen.getByRole('button', { name: 'Open Discharge summary in the chart' }));
    expect(onOpenDocument).toHaveBeenCalledWith('discharge-summary');
  });

  it('locks every control once submitted', () => {
    setup('court-order', 5, { decision: 'release', release: ['discharge-summary'], dueDate: '2026-05-01', accounting: true, authorizationProblems: [] }, true);
    expect(screen.getByLabelText('Release')).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Release Discharge summary' })).toBeDisabled();
    expect(screen.getByLabelText('Response due date')).toBeDisabled();
    expect(screen.getByLabelText('Yes, log it')).toBeChecked();
  });
});
