/**
 * Medical terminology and abbreviation helper for transcriptionists, with The Joint Commission's
 * official "Do Not Use" list (NPSG/IM.02.02.01 list) flagged, and the drug names the scorer treats as
 * critical (AHDI healthcare documentation style: drug names, doses, laterality, negation and numbers
 * are the error classes that can harm a patient).
 */

export interface Term {
  term: string;
  meaning: string;
  /** On TJC's "Do Not Use" list: write the meaning out instead. */
  doNotUse?: string;
  category: 'abbreviation' | 'drug' | 'anatomy' | 'term';
}

export const TERMS: readonly Term[] = [
  { term: 'U', meaning: 'unit', doNotUse: 'Write "unit": U is mistaken for 0, 4 or cc.', category: 'abbreviation' },
  { term: 'IU', meaning: 'international unit', doNotUse: 'Write "international unit": IU is mistaken for IV or 10.', category: 'abbreviation' },
  { term: 'QD', meaning: 'daily', doNotUse: 'Write "daily": QD is mistaken for QID.', category: 'abbreviation' },
  { term: 'QOD', meaning: 'every other day', doNotUse: 'Write "every other day".', category: 'abbreviation' },
  { term: 'MS', meaning: 'morphine sulfate or magnesium sulfate', doNotUse: 'Write "morphine sulfate" or "magnesium sulfate".', category: 'abbreviation' },
  { term: 'MSO4', meaning: 'morphine sulfate', doNotUse: 'Write "morphine sulfate".', category: 'abbreviation' },
  { term: 'MgSO4', meaning: 'magnesium sulfate', doNotUse: 'Write "magnesium sulfate".', category: 'abbreviation' },
  { term: 'trailing zero (1.0 mg)', meaning: 'write 1 mg', doNotUse: 'A trailing zero turns 1.0 into 10.', category: 'abbreviation' },
  { term: 'naked decimal (.5 mg)', meaning: 'write 0.5 mg', doNotUse: 'Without a leading zero .5 is read as 5.', category: 'abbreviation' },
  { term: 'BID', meaning: 'twice a day', category: 'abbreviation' },
  { term: 'TID', meaning: 'three times a day', category: 'abbreviation' },
  { term: 'QID', meaning: 'four times a day', category: 'abbreviation' },
  { term: 'q.h.s. / qHS', meaning: 'at bedtime', category: 'abbreviation' },
  { term: 'PRN', meaning: 'as needed', category: 'abbreviation' },
  { term: 'PO', meaning: 'by mouth', category: 'abbreviation' },
  { term: 'NPO', meaning: 'nothing by mouth', category: 'abbreviation' },
  { term: 'IV', meaning: 'intravenous', category: 'abbreviation' },
  { term: 'SQ / subcut', meaning: 'subcutaneous (TJC: "SC" and "SQ" are on ISMP’s error-prone list; prefer "subcut")', category: 'abbreviation' },
  { term: 'HPI', meaning: 'history of present illness', category: 'abbreviation' },
  { term: 'PMH', meaning: 'past medical history', category: 'abbreviation' },
  { term: 'ROS', meaning: 'review of systems', category: 'abbreviation' },
  { term: 'HEENT', meaning: 'head, eyes, ears, nose and throat', category: 'abbreviation' },
  { term: 'JVD', meaning: 'jugular venous distension', category: 'abbreviation' },
  { term: 'RRR', meaning: 'regular rate and rhythm', category: 'abbreviation' },
  { term: 'CTA', meaning: 'clear to auscultation (or CT angiography: expand by context)', category: 'abbreviation' },
  { term: 'EBL', meaning: 'estimated blood loss', category: 'abbreviation' },
  { term: 'ORIF', meaning: 'open reduction and internal fixation', category: 'abbreviation' },
  { term: 'CABG', meaning: 'coronary artery bypass graft', category: 'abbreviation' },
  { term: 'COPD', meaning: 'chronic obstructive pulmonary disease', category: 'abbreviation' },
  { term: 'CHF', meaning: 'congestive heart failure', category: 'abbreviation' },
  { term: 'HFpEF', meaning: 'heart failure with preserved ejection fraction', category: 'abbreviation' },
  { term: 'AKI', meaning: 'acute kidney injury', category: 'abbreviation' },
  { term: 'DVT', meaning: 'deep vein thrombosis', category: 'abbreviation' },
  { term: 'PE', meaning: 'pulmonary embolism (or physical examination: expand by context)', category: 'abbreviation' },
  { term: 'NKDA', meaning: 'no known drug allergies', category: 'abbreviation' },
  { term: 's/p', meaning: 'status post', category: 'abbreviation' },
  { term: 'r/o', meaning: 'rule out', category: 'abbreviation' },
  { term: 'cholecystectomy', meaning: 'removal of the gallbladder', category: 'term' },
  { term: 'choledocholithiasis', meaning: 'stones in the common bile duct', category: 'term' },
  { term: 'hemiarthroplasty', meaning: 'replacement of half of a joint (e.g. the femoral head)', category: 'term' },
  { term: 'intertrochanteric', meaning: 'between the greater and lesser trochanters of the femur', category: 'anatomy' },
  { term: 'thoracentesis', meaning: 'needle drainage of the pleural space', category: 'term' },
  { term: 'ileus', meaning: 'loss of bowel motility', category: 'term' },
  { term: 'ileum / ilium', meaning: 'ileum = small intestine; ilium = pelvic bone (sound-alikes)', category: 'anatomy' },
  { term: 'perineal / peroneal', meaning: 'perineal = perineum; peroneal = fibular side of the leg (sound-alikes)', category: 'anatomy' },
  { term: 'dysphagia / dysphasia', meaning: 'dysphagia = trouble swallowing; dysphasia = trouble speaking (sound-alikes)', category: 'term' },
  { term: 'hypokalemia', meaning: 'low blood potassium', category: 'term' },
  { term: 'atelectasis', meaning: 'collapse of part of a lung', category: 'term' },
  { term: 'diaphoresis', meaning: 'sweating', category: 'term' },
];

/** Drug names the scorer treats as critical (generic names common in dictation). */
export const DRUG_NAMES: ReadonlySet<string> = new Set(
  [
    'acetaminophen', 'albuterol', 'allopurinol', 'alprazolam', 'amiodarone', 'amlodipine', 'amoxicillin', 'ampicillin', 'apixaban', 'aspirin',
    'atorvastatin', 'azithromycin', 'bumetanide', 'carvedilol', 'cefazolin', 'ceftriaxone', 'cephalexin', 'ciprofloxacin', 'clopidogrel', 'dexamethasone',
    'diazepam', 'digoxin', 'diltiazem', 'enoxaparin', 'escitalopram', 'famotidine', 'fentanyl', 'furosemide', 'gabapentin', 'glipizide',
    'haloperidol', 'heparin', 'hydralazine', 'hydrochlorothiazide', 'hydrocodone', 'hydromorphone', 'ibuprofen', 'insulin', 'glargine', 'lispro',
    'ketorolac', 'labetalol', 'levetiracetam', 'levofloxacin', 'levothyroxine', 'lisinopril', 'lorazepam', 'losartan', 'metformin', 'methylprednisolone',
    'metoprolol', 'metronidazole', 'midazolam', 'morphine', 'naloxone', 'nitroglycerin', 'ondansetron', 'oxycodone', 'pantoprazole', 'piperacillin',
    'tazobactam', 'potassium', 'prednisone', 'propofol', 'rivaroxaban', 'sertraline', 'simvastatin', 'spironolactone', 'tamsulosin', 'tramadol',
    'vancomycin', 'warfarin', 'zolpidem', 'magnesium', 'lidocaine', 'bupivacaine', 'ropivacaine', 'sugammadex', 'rocuronium', 'succinylcholine',
  ],
);

/** Finds helper entries whose term or meaning contains the query (case-insensitive); empty query lists all. */
export function lookupTerm(query: string): Term[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...TERMS];
  return TERMS.filter((t) => t.term.toLowerCase().includes(q) || t.meaning.toLowerCase().includes(q));
}

/**
 * Finds TJC "Do Not Use" abbreviations in a finished report (TJC official Do Not Use list): U, IU, QD,
 * QOD, MS/MSO4/MgSO4, trailing zeros and naked decimals in doses.
 */
export function findDoNotUse(text: string): { match: string; advice: string }[] {
  const out: { match: string; advice: string }[] = [];
  const rules: [RegExp, string][] = [
    [/\b\d+(\.\d+)?\s?(U|IU)\b/g, 'Write "units" / "international units" in full.'],
    [/\b(QD|Q\.D\.|QOD|Q\.O\.D\.|qd|qod)\b/g, 'Write "daily" / "every other day".'],
    [/\b(MSO4|MgSO4|MS)\b/g, 'Write "morphine sulfate" or "magnesium sulfate".'],
    [/\b\d+\.0\s?(mg|mcg|g|mL|units?)\b/g, 'No trailing zero: 1.0 mg is read as 10 mg.'],
    [/(^|[\s(])\.\d+\s?(mg|mcg|g|mL)\b/g, 'Leading zero required: write 0.5 mg, not .5 mg.'],
  ];
  for (const [re, advice] of rules) for (const m of text.matchAll(re)) out.push({ match: m[0].trim(), advice });
  return out;
}
