/**
 * Builds valid scenarios for tests, through the real validator (so tests see exactly what the app sees).
 */
import { stringify } from 'yaml';
import { validateScenarioText } from '../../src/content/validateScenario';
import type { Scenario } from '../../src/content/scenarioSchema';
import { taskTypes } from '../../src/domain/tasks/registry';

export const baseScenario = {
  format: 'him-sim/scenario@1',
  id: 'coding-test-case',
  module: 'coding',
  title: 'Test case',
  patient: { name: { family: 'Testcase', given: 'Ada' }, mrn: 'SIM-0000001', dob: '1960-01-02', sex: 'F' },
  encounter: {
    admitted: '2026-03-01T08:00',
    discharged: '2026-03-04T10:00',
    admissionType: '1',
    admissionSource: '1',
    attending: { name: 'Pat Example', credentials: 'MD' },
    dischargeDisposition: '01',
  },
  chart: [
    { id: 'hp', type: 'history-and-physical', author: { name: 'Pat Example', role: 'attending' }, created: '2026-03-01T09:00', signed: '2026-03-01T10:00', text: 'Pneumonia, likely pneumococcal.' },
    { id: 'ds', type: 'discharge-summary', author: { name: 'Pat Example', role: 'attending' }, created: '2026-03-04T09:00', signed: '2026-03-04T09:30', text: 'Dx: pneumococcal pneumonia. DM2.' },
  ],
  steps: [
    {
      id: 'q1',
      type: 'choice',
      title: 'Question',
      input: { question: 'Which?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] },
      answer: { correct: ['a'], evidence: { documentId: 'hp', quote: 'likely pneumococcal' } },
    },
    {
      id: 'code',
      type: 'coding',
      title: 'Code it',
      answer: { pdx: 'J13', sdx: [{ code: 'E11.9', poa: 'Y' }], procedures: [] },
    },
  ],
};

/** A validated scenario; `overrides` replace top-level fields of the base. */
export function buildScenario(overrides: Record<string, unknown> = {}): { scenario: Scenario; hash: string } {
  const text = stringify({ ...baseScenario, ...overrides });
  const loaded = validateScenarioText(`coding/test.yaml`, text, { taskTypes });
  if (!loaded.ok) throw new Error(`factory scenario is invalid: ${JSON.stringify(loaded.problems)}`);
  return { scenario: loaded.scenario, hash: loaded.hash };
}
