/** Test data builders for the ROI engine (used by the table-driven tests; not shipped logic). */
import type { AuthorizationForm, InventoryItem, RoiCase, RoiRequest } from './roiSchema';

export const INVENTORY: InventoryItem[] = [
  { documentId: 'face', type: 'face-sheet', title: 'Face sheet', date: '2026-03-07', recordTypes: [] },
  { documentId: 'hp', type: 'history-and-physical', title: 'H&P', date: '2026-03-07', recordTypes: [] },
  { documentId: 'lab', type: 'lab', title: 'Labs incl. HIV-1/2 Ag/Ab', date: '2026-03-08', recordTypes: ['hiv'] },
  { documentId: 'ds', type: 'discharge-summary', title: 'Discharge summary', date: '2026-03-10', recordTypes: [] },
  { documentId: 'mh', type: 'progress-note', title: 'Psychiatry progress note', date: '2026-02-10', recordTypes: ['mental-health'] },
  { documentId: 'sud', type: 'progress-note', title: 'SUD program intake', date: '2026-01-15', recordTypes: ['sud-part2'] },
  { documentId: 'pn', type: 'other', title: 'Psychotherapy session notes', date: '2026-02-20', recordTypes: ['psychotherapy-notes'] },
  { documentId: 'old', type: 'radiology', title: 'CXR 2024', date: '2024-05-01', recordTypes: [] },
];

export function validAuthorization(overrides: Partial<AuthorizationForm> = {}): AuthorizationForm {
  return {
    patientName: 'Maren T. Vollbrecht',
    patientDob: '1984-06-12',
    disclosingParty: 'Larkspur Valley Medical Center, HIM Department',
    recipient: 'Okonkwo & Ferris LLP',
    information: { documentTypes: ['discharge-summary', 'history-and-physical', 'lab'], from: '2026-03-01', to: '2026-03-31' },
    purpose: 'Legal representation',
    expiration: { date: '2026-12-31' },
    signature: { signedBy: 'Maren Vollbrecht', date: '2026-03-20' },
    statements: { revocation: true, conditioning: true, redisclosure: true },
    combinedWith: 'none',
    conditionedOn: 'none',
    ...overrides,
  };
}

export function makeCase(request: Partial<RoiRequest> = {}, rest: Partial<Omit<RoiCase, 'request'>> = {}): RoiCase {
  return {
    request: {
      receivedOn: '2026-04-01',
      requester: { kind: 'patient', name: 'Maren Vollbrecht' },
      purpose: 'right-of-access',
      records: {},
      identityVerified: true,
      ...request,
    },
    patient: { name: 'Maren T. Vollbrecht', dob: '1984-06-12', ...(rest.patient ?? {}) },
    inventory: rest.inventory ?? INVENTORY,
    authorization: rest.authorization,
  };
}
