/**
 * Citations used by the ROI engine and its feedback. Section numbers follow 45 CFR Part 164 and 42 CFR Part 2
 * as summarised in him-rules.md section 1 (the IDs in brackets are that file's rule IDs).
 */
import type { Citation } from '../tasks/taskTypes';

const cfr45 = (section: string, text: string): Citation => ({ source: '45 CFR', section, text });
const cfr42 = (section: string, text: string): Citation => ({ source: '42 CFR Part 2', section, text });

export const CITE = {
  minimumNecessary: cfr45('164.502(b), 164.514(d)', 'Limit a disclosure to the minimum necessary for its purpose [MN-1..3]'),
  minimumNecessaryExceptions: cfr45('164.502(b)(2)', 'Minimum necessary does not apply to treatment, the patient, authorizations or what law requires [MN-2]'),
  personalRepresentative: cfr45('164.502(g)(2)', 'A health-care agent or guardian is treated as the patient [PR-1]'),
  minorRepresentative: cfr45('164.502(g)(3)', 'A parent is the representative of an unemancipated minor, except for care the minor lawfully consented to [PR-2]'),
  decedentRepresentative: cfr45('164.502(g)(4)', 'An executor or administrator is the personal representative of a decedent [DEC-2]'),
  representativeAbuse: cfr45('164.502(g)(5)', 'A covered entity may refuse a representative it reasonably believes abuses or endangers the patient [PR-3]'),
  decedentFiftyYears: cfr45('164.502(f); 160.103', 'A decedent’s information stops being PHI 50 years after death [DEC-1]'),
  tpo: cfr45('164.506(c)', 'No authorization is needed for treatment, payment or health care operations [NA-1]'),
  authorizationRequired: cfr45('164.508(a)(1)', 'Other disclosures need a valid authorization signed by the patient'),
  psychotherapyNotes: cfr45('164.508(a)(2)', 'Psychotherapy notes need their own authorization, with narrow exceptions [PN-2]'),
  coreElements: cfr45('164.508(c)(1)', 'Core elements of a valid authorization [AUTH-E1..E6]'),
  requiredStatements: cfr45('164.508(c)(2)', 'Required statements: revocation, conditioning, redisclosure [AUTH-S1..S3]'),
  remuneration: cfr45('164.508(a)(3)-(4)', 'Marketing with remuneration or a sale of PHI must say remuneration is involved [AUTH-S5]'),
  defective: cfr45('164.508(b)(2)', 'A defective authorization is not valid [AUTH-D1..D6]'),
  compound: cfr45('164.508(b)(3)', 'Prohibited compound authorization [AUTH-D4]'),
  conditioning: cfr45('164.508(b)(4)', 'Treatment, payment, enrollment or eligibility may not be conditioned on signing [AUTH-D5]'),
  revocation: cfr45('164.508(b)(5)', 'A written revocation ends the authorization for future disclosures [AUTH-D3]'),
  requiredByLaw: cfr45('164.512(a)', 'Disclosures required by law, limited to what the law requires [NA-4]'),
  publicHealth: cfr45('164.512(b)', 'Public health reporting without authorization [NA-5]'),
  courtOrder: cfr45('164.512(e)(1)(i)', 'A court order: release only what the order expressly covers [LEGAL-1]'),
  subpoenaAssurance: cfr45('164.512(e)(1)(ii)', 'A subpoena without a court order needs satisfactory assurance (notice or protective order) [LEGAL-2..4]'),
  judgeSignedSubpoena: cfr45('164.512(e)(1)(i)', 'A subpoena signed by a judge is treated as a court order (HHS OCR FAQ) [LEGAL-5]'),
  lawEnforcementProcess: cfr45('164.512(f)(1)(ii)(A)-(B)', 'Court-ordered warrant, judge-issued subpoena or grand-jury subpoena [LE-1]'),
  lawEnforcementAdministrative: cfr45('164.512(f)(1)(ii)(C)', 'Administrative request: relevant and material, specific and limited, de-identified data would not do [LE-2]'),
  lawEnforcementLocate: cfr45('164.512(f)(2)', 'To identify or locate a suspect: only the listed identifying data [LE-3]'),
  research: cfr45('164.512(i)', 'Research with an IRB or privacy-board waiver of authorization [NA-10]'),
  verification: cfr45('164.514(h)', 'Verify the identity and authority of a requester not known to the facility [LE-4]'),
  selfPayRestriction: cfr45('164.522(a)(1)(vi)', 'Services paid in full out of pocket may not go to the health plan when the patient asks [RST-1]'),
  rightOfAccess: cfr45('164.524(a)(1)', 'The patient may inspect and copy the designated record set [ACC-1]'),
  accessExcludesPsychotherapyNotes: cfr45('164.524(a)(1)(i), (a)(2)', 'Psychotherapy notes are excluded from the right of access (unreviewable denial) [PN-3, ACC-7]'),
  accessTimeliness: cfr45('164.524(b)(2)', 'Act within 30 calendar days; one 30-day extension with written notice inside the first 30 [ACC-2]'),
  accessFee: cfr45('164.524(c)(4)', 'A reasonable, cost-based fee: labor for copying, supplies, postage; no search or retrieval fee [ACC-4, ACC-5]'),
  accounting: cfr45('164.528(a)', 'Disclosures that go into the accounting of disclosures [AOD-1..3]'),
  accountingExcluded: cfr45('164.528(a)(1)', 'Not accounted: TPO, to the patient, by authorization, directory and others [AOD-2]'),
  stateLaw: cfr45('160.203', 'More protective state law applies (facility policy: specific consent for this record class)'),
  part2Consent: cfr42('2.31, 2.33', 'SUD program records need the patient’s written Part 2 consent [P2-2]'),
  part2PatientAccess: cfr42('2.23', 'Patients may see their own Part 2 records without a consent form'),
  part2Subpoena: cfr42('2.61-2.65', 'A subpoena alone never compels Part 2 records; a Part 2 court order is needed [P2-4, LEGAL-6]'),
  part2Emergency: cfr42('2.51', 'Part 2 records may go to medical personnel in a bona fide medical emergency [P2-9]'),
  part2Research: cfr42('2.52', 'Part 2 records may be disclosed for research meeting HIPAA/Common Rule conditions [P2-9]'),
  part2Minor: cfr42('2.14', 'Where a minor may consent to SUD treatment, only the minor may consent to disclosure'),
  part2Redisclosure: cfr42('2.32', 'Each Part 2 disclosure with consent carries the redisclosure notice [P2-6]'),
  facilityPolicy: { source: 'Larkspur Valley Medical Center ROI policy', section: 'HIM-ROI-04', text: 'Turnaround for requests the regulations give no deadline' } satisfies Citation,
} as const;
