/**
 * Curated drill material with the rules that compute each answer. The codes are checked against the
 * compiled FY2026 code set (public/codesets) in drills.test.ts, the discharge narratives against the ADT
 * discharge-status rules, so a drill can never teach a wrong key.
 */

export interface InjuryFacts {
  phase: 'active' | 'subsequent' | 'sequela';
  open?: boolean;
  healing?: 'routine' | 'delayed' | 'nonunion' | 'malunion';
}

/**
 * The 7th character of an injury code (ICD-10-CM OCG I.C.19.a; fractures I.C.19.c.1): A while the patient
 * receives active treatment (B for an open fracture), D/G/K/P for subsequent care by how the fracture heals
 * (D for other injuries), S for a sequela.
 */
export function seventhCharacter(facts: InjuryFacts, fracture: boolean): string {
  if (facts.phase === 'sequela') return 'S';
  if (facts.phase === 'active') return fracture && facts.open ? 'B' : 'A';
  if (!fracture) return 'D';
  return { routine: 'D', delayed: 'G', nonunion: 'K', malunion: 'P' }[facts.healing ?? 'routine'];
}

/** Injury categories that take a 7th character (base code without it, as in the tabular list). */
export const SEVENTH_CHARACTER_CODES = [
  { base: 'S72.001', code: 'S72001', fracture: true, title: 'Fracture of unspecified part of neck of right femur' },
  { base: 'S42.201', code: 'S42201', fracture: true, title: 'Unspecified fracture of upper end of right humerus' },
  { base: 'S82.101', code: 'S82101', fracture: true, title: 'Unspecified fracture of upper end of right tibia' },
  { base: 'S52.501', code: 'S52501', fracture: true, title: 'Unspecified fracture of the lower end of right radius' },
  { base: 'S06.0X0', code: 'S060X0', fracture: false, title: 'Concussion without loss of consciousness' },
  { base: 'S93.401', code: 'S93401', fracture: false, title: 'Sprain of unspecified ligament of right ankle' },
] as const;

export const FRACTURE_ENCOUNTERS: readonly { text: string; facts: InjuryFacts; fractureOnly: boolean; why: string }[] = [
  { text: 'ED visit on the day of the injury: evaluated, imaged and treated by the emergency physician.', facts: { phase: 'active' }, fractureOnly: false, why: 'The patient is receiving active treatment.' },
  {
    text: 'Evaluated at an outside ED, then admitted here by a different physician for surgical treatment of the injury.',
    facts: { phase: 'active' },
    fractureOnly: false,
    why: 'Active treatment continues: a new physician does not make it a subsequent encounter (OCG I.C.19.a).',
  },
  { text: 'Follow-up visit 6 weeks after treatment: healing as expected, activity advanced.', facts: { phase: 'subsequent', healing: 'routine' }, fractureOnly: false, why: 'Routine care during the healing or recovery phase.' },
  { text: 'Seen for a scar contracture that is a late effect of the injury sustained two years ago.', facts: { phase: 'sequela' }, fractureOnly: false, why: 'The condition results from the injury: a sequela (the injury code with S, sequenced after the residual).' },
  { text: 'Bone protruding through a laceration at the fracture site; taken to the OR for irrigation, debridement and fixation.', facts: { phase: 'active', open: true }, fractureOnly: true, why: 'Active treatment of an open fracture (type I or II unless documented otherwise).' },
  { text: 'Clinic visit 5 months after the fracture: no bridging callus, the surgeon documents nonunion.', facts: { phase: 'subsequent', healing: 'nonunion' }, fractureOnly: true, why: 'Aftercare of a fracture documented as nonunion.' },
  { text: 'Follow-up: the fracture has healed in a deformed position (malunion); osteotomy is planned.', facts: { phase: 'subsequent', healing: 'malunion' }, fractureOnly: true, why: 'Aftercare of a fracture documented as malunion.' },
  { text: 'Follow-up: healing slower than expected, delayed union documented; immobilisation continued.', facts: { phase: 'subsequent', healing: 'delayed' }, fractureOnly: true, why: 'Aftercare of a fracture with delayed healing.' },
];

export interface PoaFacts {
  onset: 'before-admission' | 'after-admission' | 'undocumented' | 'clinically-undetermined';
  exempt?: boolean;
}

/**
 * The POA indicator (ICD-10-CM OCG Appendix I; him-rules.md 3.4): 1 for codes on the exempt list; Y when the
 * condition was present at the time the inpatient order was written, including conditions that developed in
 * the ED or observation before it; N when it developed after; U when the documentation is insufficient; W when
 * the provider documents that it cannot be clinically determined.
 */
export function poaIndicator(facts: PoaFacts): string {
  if (facts.exempt) return '1';
  return { 'before-admission': 'Y', 'after-admission': 'N', undocumented: 'U', 'clinically-undetermined': 'W' }[facts.onset];
}

export const POA_FACTS: readonly { condition: string; text: string; facts: PoaFacts; why: string; code?: string }[] = [
  {
    condition: 'the stage 2 sacral pressure injury',
    text: 'Admission skin assessment: skin intact. Nursing note, hospital day 3: new stage 2 sacral pressure injury.',
    facts: { onset: 'after-admission' },
    why: 'N: it developed after the inpatient admission (the admission skin assessment was intact).',
  },
  {
    condition: 'the hyponatremia',
    text: 'ED labs at 14:10: Na 124. Inpatient admission order written at 17:30. Attending: hyponatremia.',
    facts: { onset: 'before-admission' },
    why: 'Y: conditions that arise in the ED before the inpatient order are present on admission.',
  },
  {
    condition: 'the urinary tract infection',
    text: 'UTI diagnosed on day 2. Query response: "Clinically unable to determine whether the UTI was present at admission."',
    facts: { onset: 'clinically-undetermined' },
    why: 'W: the provider states it cannot be clinically determined.',
  },
  {
    condition: 'the pneumonia',
    text: 'Pneumonia first documented on day 2. Nothing says whether it was present at admission; the provider has not been queried.',
    facts: { onset: 'undocumented' },
    why: 'U: the documentation is insufficient; query the provider before reporting U.',
  },
  {
    condition: 'Z79.4, long-term (current) use of insulin',
    text: 'H&P: type 2 diabetes on insulin glargine nightly.',
    facts: { onset: 'before-admission', exempt: true },
    code: 'Z794',
    why: '1: Z79.4 is on the POA exempt list (reported blank / 1 on the claim).',
  },
  {
    condition: 'the hip fracture',
    text: 'Hospital day 4: patient found on the bathroom floor, X-ray shows a right femoral neck fracture.',
    facts: { onset: 'after-admission' },
    why: 'N: the fall and fracture happened during the stay (a hospital-acquired condition).',
  },
  {
    condition: 'chronic kidney disease stage 3',
    text: 'H&P past history: CKD stage 3, baseline creatinine 1.6.',
    facts: { onset: 'before-admission' },
    why: 'Y: chronic conditions diagnosed before admission are present on admission.',
  },
];

/** Discharge dispositions as attendings write them; the status is computed by the ADT rules (him-rules.md 3.3). */
export const DISCHARGE_NARRATIVES: readonly string[] = [
  'Discharged home with home health services for RN visits and PT.',
  'Transferred to Larkspur Skilled Nursing Facility for short-term rehab.',
  'Patient left against medical advice after risks were explained.',
  'Discharged home with hospice care.',
  'Transferred to Mercy Inpatient Rehabilitation Facility.',
  'Discharged home with outpatient PT follow-up.',
  'Transferred to St Anselm Hospital for cardiac surgery.',
];
