import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../../content/scenarioSchema';
import { transcriptionInputSchema, type TranscriptionResponse } from '../../../domain/transcription/taskTypes';
import TranscriptionTask from './TranscriptionTask.svelte';
import { transcriptionComponents } from './components';

const scenario = v.parse(scenarioSchema, {
  format: 'him-sim/scenario@1', id: 'tr-ui', module: 'transcription', title: 't',
  patient: { name: { family: 'X', given: 'Y' }, mrn: 'SIM-0000001', dob: '1950-01-01', sex: 'F' },
  encounter: { admitted: '2026-01-01T10:00', discharged: '2026-01-02T10:00', admissionType: '1', admissionSource: '1', attending: { name: 'A' }, dischargeDisposition: '01' },
  chart: [{ id: 'fs', type: 'face-sheet', author: { name: 'Reg', role: 'registration' }, created: '2026-01-01T10:00', text: 'face sheet' }],
  steps: [{ id: 't', type: 'transcription', answer: { text: 'IMPRESSION: Left knee effusion. RECOMMENDATIONS: No surgery.' } }],
});
const input = v.parse(transcriptionInputSchema, { reportType: 'consult', dictatedBy: 'Dr. Ilse Varga', dictation: 'impression colon left knee effusion period recommendations colon no surgery period', draft: 'impression left knee a fusion recommendations know surgery' });

function setup(response: TranscriptionResponse = { text: '' }, disabled = false) {
  const onChange = vi.fn<(r: TranscriptionResponse) => void>();
  render(TranscriptionTask, { props: { scenario, stepId: 't', input, response, disabled, onChange, onOpenDocument: vi.fn() } });
  return { onChange };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TranscriptionTask', () => {
  it('is registered', () => expect(transcriptionComponents.transcription).toBe(TranscriptionTask));

  it('without speech synthesis shows the raw draft instead', () => {
    setup();
    expect(screen.getByRole('note')).toHaveTextContent(/not available/);
    expect(screen.getByLabelText('Speech-recognition draft')).toHaveTextContent('a fusion');
    expect(screen.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();
  });

  it('types the report and inserts the heading template', async () => {
    const user = userEvent.setup();
    const { onChange } = setup();
    await user.type(screen.getByLabelText('Report text'), 'L');
    expect(onChange).toHaveBeenLastCalledWith({ text: 'L' });
    await user.click(screen.getByRole('button', { name: 'Insert consultation headings' }));
    expect(onChange.mock.lastCall?.[0].text).toMatch(/^REASON FOR CONSULTATION:/);
  });

  it('looks up terms and Do Not Use abbreviations', async () => {
    const user = userEvent.setup();
    setup();
    await user.type(screen.getByLabelText('Look up a term'), 'QOD');
    expect(screen.getByText(/Do Not Use: Write "every other day"/)).toBeInTheDocument();
  });

  it('after submission shows a word-level diff against the reference', () => {
    setup({ text: 'IMPRESSION: Right knee effusion. RECOMMENDATIONS: surgery.' }, true);
    expect(screen.getByText(/Word error rate/)).toHaveTextContent('2 critical');
    expect(screen.getByText('[left → right]')).toBeInTheDocument();
    expect(screen.getByText('[−no]')).toBeInTheDocument();
  });

  it('plays, pauses and replays with the chosen rate when speech synthesis exists', async () => {
    const speak = vi.fn();
    const synth = { speak, cancel: vi.fn(), pause: vi.fn(), resume: vi.fn() };
    class FakeUtterance {
      rate = 1;
      lang = '';
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(speak).toHaveBeenCalledTimes(1);
    expect((speak.mock.calls[0]![0] as FakeUtterance).text).toBe(input.dictation);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(synth.pause).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(synth.resume).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Replay from start' }));
    expect(speak).toHaveBeenCalledTimes(2);
    expect(screen.queryByLabelText('Speech-recognition draft')).not.toBeInTheDocument();
  });
});
