/**
 * Test factory: a minimal valid scenario (parsed through the real schema so defaults apply) that tests
 * override field by field. Used by the completeness and query tests; not used by the app.
 */
import * as v from 'valibot';
import { scenarioSchema, type Scenario } from '../../content/scenarioSchema';

export interface RawDocument {
  id: string;
  type: string;
  author?: { name: string; credentials?: string; role: string };
  created: string;
  signed?: string;
  text?: string;
  [key: string]: unknown;
}

export const ATTENDING = 'Rosa Delacroix-Ng';

/** A valid scenario with the given documents (authored by the attending unless stated); throws on invalid input. */
export function buildScenario(options: {
  documents: RawDocument[];
  encounter?: Record<string, unknown>;
  steps?: unknown[];
}): Scenario {
  const raw = {
    format: 'him-sim/scenario@1',
    id: 'test-case',
    module: 'completeness',
    title: 'Test case',
    patient: { name: { family: 'Test', given: 'Pat' }, mrn: 'SIM-0000001', dob: '1960-01-01', sex: 'F' },
    encounter: {
      admitted: '2026-03-01T10:00',
      discharged: '2026-03-05T12:00',
      admissionType: '1',
      admissionSource: '1',
      attending: { name: ATTENDING, credentials: 'MD' },
      dischargeDisposition: '01',
      ...options.encounter,
    },
    chart: options.documents.map((d) => ({
      author: { name: ATTENDING, credentials: 'MD', role: 'attending' },
      text: `${d.type} text`,
      ...d,
    })),
    steps: options.steps ?? [{ id: 'review', type: 'choice' }],
  };
  const parsed = v.safeParse(scenarioSchema, raw);
  if (!parsed.success) throw new Error(parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; '));
  return parsed.output;
}
