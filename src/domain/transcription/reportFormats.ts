/**
 * Standard section headings of the four report types (AHDI Book of Style conventions; CoP content rules:
 * H&P 482.22(c)(5), operative report 482.51(b)(6), discharge summary 482.24(c)(4)(vii), consultation
 * 482.24(c)(4)(iii)). The finished report must carry these headings, in capitals, each followed by a colon.
 */
export const REPORT_TYPES = {
  'history-and-physical': {
    label: 'History and physical',
    headings: ['CHIEF COMPLAINT', 'HISTORY OF PRESENT ILLNESS', 'PAST MEDICAL HISTORY', 'MEDICATIONS', 'ALLERGIES', 'SOCIAL HISTORY', 'REVIEW OF SYSTEMS', 'PHYSICAL EXAMINATION', 'ASSESSMENT AND PLAN'],
  },
  'operative-report': {
    label: 'Operative report',
    headings: ['PREOPERATIVE DIAGNOSIS', 'POSTOPERATIVE DIAGNOSIS', 'PROCEDURE', 'SURGEON', 'ANESTHESIA', 'ESTIMATED BLOOD LOSS', 'SPECIMENS', 'COMPLICATIONS', 'INDICATIONS', 'DESCRIPTION OF PROCEDURE'],
  },
  'discharge-summary': {
    label: 'Discharge summary',
    headings: ['ADMISSION DATE', 'DISCHARGE DATE', 'PRINCIPAL DIAGNOSIS', 'SECONDARY DIAGNOSES', 'PROCEDURES', 'HOSPITAL COURSE', 'CONDITION AT DISCHARGE', 'DISPOSITION', 'DISCHARGE MEDICATIONS', 'FOLLOW-UP'],
  },
  consult: {
    label: 'Consultation',
    headings: ['REASON FOR CONSULTATION', 'HISTORY OF PRESENT ILLNESS', 'PAST MEDICAL HISTORY', 'MEDICATIONS', 'ALLERGIES', 'PHYSICAL EXAMINATION', 'IMPRESSION', 'RECOMMENDATIONS'],
  },
} as const;
export type ReportType = keyof typeof REPORT_TYPES;

/** A skeleton of the report with every standard heading, for the learner to fill in. */
export function reportTemplate(type: ReportType): string {
  return REPORT_TYPES[type].headings.map((h) => `${h}:\n`).join('\n');
}

/**
 * Which required headings of the report type are absent (a heading counts when a line starts with it,
 * in any case, followed by a colon), and whether the present ones are in the standard order.
 */
export function checkHeadings(type: ReportType, text: string): { missing: string[]; outOfOrder: boolean } {
  const lines = text.split('\n').map((l) => l.trim().toUpperCase());
  const positions = REPORT_TYPES[type].headings.map((h) => lines.findIndex((l) => l.startsWith(`${h}:`) || l.startsWith(`${h} :`)));
  const missing = REPORT_TYPES[type].headings.filter((_, i) => positions[i]! < 0);
  const present = positions.filter((p) => p >= 0);
  const outOfOrder = present.some((p, i) => i > 0 && p < present[i - 1]!);
  return { missing, outOfOrder };
}
