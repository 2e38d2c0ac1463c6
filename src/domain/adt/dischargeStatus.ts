/**
 * Assigns the UB-04 FL17 patient discharge status from the discharge summary's narrative
 * (him-rules.md 3.3; NUBC UB-04 manual). DISP-1: code what was known at discharge, so negated or
 * declined destinations ("declined SNF", "not a hospice candidate") are ignored.
 */
import { DISCHARGE_STATUSES, type ChartDocument } from '../../content/scenarioSchema';

export type DischargeStatusCode = keyof typeof DISCHARGE_STATUSES | '81' | '82' | '83' | '84' | '85' | '86' | '87' | '88' | '89' | '90' | '91' | '92' | '93' | '94' | '95';

/** Planned acute readmission codes (81-95, since Oct 1 2013): same destinations + a planned readmission. */
export const PLANNED_READMISSION: Readonly<Record<string, string>> = {
  '01': '81', '02': '82', '03': '83', '04': '84', '05': '85', '06': '86', '21': '87', '43': '88', '61': '89', '62': '90', '63': '91', '64': '92', '65': '93', '66': '94', '70': '95',
};

/** Plain-language meaning and the why of each status, for feedback (him-rules.md 3.3). */
export const STATUS_EXPLANATIONS: Readonly<Record<string, string>> = {
  '01': 'home or self-care: includes home with outpatient follow-up, outpatient therapy, home oxygen or other DME only; no organised home health agency',
  '02': 'transfer to a short-term general acute-care hospital for inpatient care (a transfer for DRG payment, DISP-2)',
  '03': 'a Medicare-certified skilled nursing facility (SNF), including subacute/transitional care in a SNF',
  '04': 'a custodial or supportive care facility: assisted living, intermediate care, a nursing home without Medicare or Medicaid certification',
  '05': 'a designated cancer center or children’s hospital',
  '06': 'home under the care of an organised home health service (skilled nursing, PT or OT visits at home)',
  '07': 'left against medical advice or discontinued care',
  '20': 'expired in the hospital',
  '21': 'discharged to court or law enforcement custody',
  '43': 'a federal health care facility (e.g. a VA medical center)',
  '50': 'hospice care at home (or the residence the patient calls home)',
  '51': 'hospice care in a medical facility (inpatient hospice unit, hospice house)',
  '61': 'a Medicare-approved swing bed in this hospital',
  '62': 'an inpatient rehabilitation facility or distinct-part rehab unit',
  '63': 'a Medicare-certified long-term care hospital (LTCH)',
  '64': 'a nursing facility certified under Medicaid but not Medicare',
  '65': 'a psychiatric hospital or distinct-part psychiatric unit',
  '66': 'a critical access hospital',
  '70': 'another type of institution not listed elsewhere',
};

interface StatusRule {
  code: string;
  pattern: RegExp;
}

/** Checked in order: the first rule whose pattern appears in a non-negated clause wins. */
const RULES: readonly StatusRule[] = [
  { code: '20', pattern: /\b(expired|pronounced (dead|deceased)|time of death|patient died|died at \d|death (was )?pronounced)\b/i },
  { code: '07', pattern: /\b(against medical advice|AMA|eloped|left without being seen|left before (evaluation|discharge|treatment))\b/i },
  { code: '51', pattern: /\b(inpatient hospice|hospice (house|facility|unit|center)|(general inpatient|GIP) hospice|residential hospice)\b/i },
  { code: '50', pattern: /\bhospice\b/i },
  { code: '21', pattern: /\b(police custody|law enforcement|jail|correctional facility|county detention)\b/i },
  { code: '43', pattern: /\b(VA medical center|VAMC|Veterans Affairs|veterans hospital)\b/i },
  { code: '65', pattern: /\b(psychiatric (hospital|unit|facility)|inpatient psych(iatry)?|behavioral health (hospital|unit)|geri-?psych)\b/i },
  { code: '62', pattern: /\b(inpatient rehab(ilitation)?|acute rehab(ilitation)?|rehabilitation (hospital|facility|unit|institute)|IRF)\b/i },
  { code: '63', pattern: /\b(long[- ]term acute care|LTACH?|LTCH|long[- ]term care hospital)\b/i },
  { code: '66', pattern: /\bcritical access hospital\b/i },
  { code: '05', pattern: /\b(children['’]s hospital|cancer (center|institute))\b/i },
  { code: '61', pattern: /\bswing bed\b/i },
  { code: '64', pattern: /\b(Medicaid[- ]only|not Medicare[- ]certified)\b.*\b(nursing|facility)\b|\bnursing facility\b.*\bMedicaid[- ]only\b/i },
  { code: '03', pattern: /\b(SNF|skilled nursing|subacute rehab(ilitation)?|transitional care unit|TCU)\b/i },
  { code: '04', pattern: /\b(assisted living|ALF|custodial care|intermediate care facility|ICF|memory care|board and care|residential care facility)\b/i },
  { code: '02', pattern: /\b(transfer(red)?|accepted|sent)\b.*\b(hospital|medical center|tertiary|cath lab|for (PCI|CABG|cardiac surgery|neurosurgery|higher level of care|ECMO))\b/i },
  { code: '06', pattern: /\b(home health|HHA|HH (services|RN|PT|nursing)|VNA|visiting nurse|home (PT|OT|nursing) visits|skilled nursing visits at home|w\/ HH)\b/i },
  { code: '01', pattern: /\b(home|self[- ]care|residence|his apartment|her apartment|family member's house|group home|foster care|shelter)\b/i },
];

/** Cues that cancel a destination in the rest of the clause (DISP-1: what actually happened). */
const NEGATION = /\b(declined|declines|refused|refuses|not|no|without|deferred|rather than|instead of|offered|discussed|considered|recommended but|was recommended|ineligible for|denied|unable to (arrange|obtain))\b[^.;,\n]*/gi;

const REFUSAL = /\b(declined|refused|declines|refuses)\b/i;

/**
 * Removes negated or refused destinations from a clause (DISP-1). A refusal after the destination
 * ("SNF was recommended but the patient declined") cancels the words before it; a cue before it
 * ("declined SNF", "no home health needs") cancels the words after it.
 */
function affirmedPart(clause: string): string {
  return clause
    .split(/(?=[;,])/)
    .map((segment) => {
      const m = REFUSAL.exec(segment);
      if (m && /\w/.test(segment.slice(0, m.index).replace(/^[;,]/, ''))) return ' ';
      return segment.replace(NEGATION, ' ');
    })
    .join('');
}

const PLANNED = /\b(planned (re)?admission|planned readmission|will be readmitted|return(s|ing)? (on [^.]*)?for (a )?(planned|scheduled) (admission|surgery|procedure))\b/i;

export interface StatusResult {
  status: DischargeStatusCode | '';
  /** The verbatim clause the status comes from. */
  quote: string;
  documentId: string;
  explanation: string;
  plannedReadmission: boolean;
}

/** Splits text into clauses with their original spelling so that quotes stay verbatim. */
function clauses(text: string): string[] {
  return text
    .split(/(?<=(?<!\b(?:St|Dr|Mr|Mrs|Ms|vs|Jr|Sr|approx|Ave|Mt))[.;!?])\s+|\n+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** The disposition part of a discharge summary: the "Disposition:"/"Discharged to:" paragraph if present. */
export function dispositionSection(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\W*(discharge\s+)?(disposition|dispo|discharged to|discharge destination|condition and disposition)\b/i.test(l.trim()));
  if (start < 0) return text;
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > start && (line.trim() === '' || /^\W*[A-Z][A-Za-z /&-]{2,40}:\*{0,2}/.test(line.trim()))) break;
    out.push(line);
  }
  return out.join('\n');
}

/**
 * Assigns the discharge status from the last discharge summary (him-rules.md 3.3, DISP-1). Negated
 * destinations are removed first; the most specific destination wins (expired, AMA, hospice, named
 * facility types, home health, home). A planned acute readmission turns the code into 81-95.
 */
export function statusFromNarrative(chart: readonly ChartDocument[]): StatusResult {
  const summaries = chart.filter((d) => d.type === 'discharge-summary').sort((a, b) => a.created.localeCompare(b.created));
  const ds = summaries.at(-1);
  if (!ds) return { status: '', quote: '', documentId: '', explanation: 'There is no discharge summary to read the disposition from.', plannedReadmission: false };
  const section = dispositionSection(ds.text);
  const parts = clauses(section);
  const planned = parts.some((c) => PLANNED.test(affirmedPart(c)));
  for (const rule of RULES) {
    for (const clause of parts) {
      const affirmed = affirmedPart(clause);
      if (rule.pattern.test(affirmed)) {
        const base = rule.code;
        const status = (planned && PLANNED_READMISSION[base] ? PLANNED_READMISSION[base] : base) as DischargeStatusCode;
        const explanation = `${status}: ${STATUS_EXPLANATIONS[base] ?? base}${planned && PLANNED_READMISSION[base] ? ', with a planned acute-care readmission (81-95)' : ''}.`;
        return { status, quote: clause, documentId: ds.id, explanation, plannedReadmission: planned };
      }
    }
  }
  return { status: '', quote: '', documentId: ds.id, explanation: 'The discharge summary does not say where the patient went; query the attending.', plannedReadmission: planned };
}

/** Related codes that earn partial credit when confused (same destination family, him-rules.md 3.3). */
export function statusFamily(code: string): string {
  const c = PLANNED_READMISSION[code] ? code : (Object.entries(PLANNED_READMISSION).find(([, v]) => v === code)?.[0] ?? code);
  if (c === '50' || c === '51') return 'hospice';
  if (c === '03' || c === '64' || c === '61') return 'nursing-facility';
  if (c === '02' || c === '05' || c === '66') return 'acute';
  return c;
}

/** True for a code UB-04 FL17 accepts (the table in him-rules.md 3.3, plus 81-95). */
export function isKnownStatus(code: string): boolean {
  return code in DISCHARGE_STATUSES || Object.values(PLANNED_READMISSION).includes(code);
}
