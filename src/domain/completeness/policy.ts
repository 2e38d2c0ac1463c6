/**
 * Medical-staff bylaw / HIM policy timeframes for deficiency analysis. The CoPs set the outer limits
 * (42 CFR 482.22(c)(5), 482.24(c), 482.51(b), 482.52(b)); the bylaws fill in the rest, so every window is
 * configurable per scenario (`policy` in the completeness-review step input). Defaults are the usual ones.
 */
import * as v from 'valibot';
import { DOCUMENT_TYPES, type DocumentType } from '../../content/scenarioSchema';

const documentType = v.picklist(Object.keys(DOCUMENT_TYPES) as DocumentType[]);
const encounterClass = v.picklist(['inpatient', 'observation', 'outpatient', 'emergency', 'newborn']);
const hours = v.pipe(v.number(), v.minValue(0));

/** Every field optional: a scenario overrides only what its facility does differently. */
export const policyOverridesSchema = v.object({
  /** H&P no more than this many days before admission (42 CFR 482.22(c)(5)(i)). */
  hpMaxDaysBefore: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** H&P no later than this many hours after admission (482.22(c)(5)(i)). */
  hpMaxHoursAfter: v.optional(hours),
  /** Update note to a pre-admission H&P within this many hours after admission (482.22(c)(5)(ii)). */
  hpUpdateMaxHoursAfter: v.optional(hours),
  hpRequiredClasses: v.optional(v.array(encounterClass)),
  /** Verbal / telephone orders authenticated within this many hours (482.24(c)(2); state law / bylaws). */
  verbalOrderHours: v.optional(hours),
  /** Operative report or brief op note "immediately" after surgery, in minutes (482.51(b)(6)). */
  immediatePostOpMinutes: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** Full operative report dictated within this many hours when a brief op note bridged the gap. */
  operativeReportHours: v.optional(hours),
  /** Pre-anesthesia evaluation within this many hours before, post-anesthesia within this many after (482.52(b)). */
  anesthesiaEvaluationHours: v.optional(hours),
  dischargeSummaryClasses: v.optional(v.array(encounterClass)),
  /** Stays shorter than this may close with a final progress note instead of a discharge summary. */
  shortStayHours: v.optional(hours),
  shortStayFinalProgressNote: v.optional(v.boolean()),
  /** Record complete within this many days after discharge, else delinquent (482.24(c)(4)(viii)). */
  completionDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Author roles whose entries need a co-signature (bylaws). */
  cosignRoles: v.optional(v.array(v.string())),
  cosignDocumentTypes: v.optional(v.array(documentType)),
  /** Entries the analyst does not chase for a signature (system-generated or non-provider forms). */
  signatureExemptTypes: v.optional(v.array(documentType)),
  signatureExemptRoles: v.optional(v.array(v.string())),
  /** Procedure kinds that need a signed informed consent before they start (482.51(b)(2)). */
  consentKinds: v.optional(v.array(v.picklist(['surgical', 'invasive', 'delivery']))),
});
export type PolicyOverrides = v.InferOutput<typeof policyOverridesSchema>;

export interface CompletenessPolicy {
  hpMaxDaysBefore: number;
  hpMaxHoursAfter: number;
  hpUpdateMaxHoursAfter: number;
  hpRequiredClasses: string[];
  verbalOrderHours: number;
  immediatePostOpMinutes: number;
  operativeReportHours: number;
  anesthesiaEvaluationHours: number;
  dischargeSummaryClasses: string[];
  shortStayHours: number;
  shortStayFinalProgressNote: boolean;
  completionDays: number;
  cosignRoles: string[];
  cosignDocumentTypes: DocumentType[];
  signatureExemptTypes: DocumentType[];
  signatureExemptRoles: string[];
  consentKinds: ('surgical' | 'invasive' | 'delivery')[];
}

/**
 * The usual defaults: 30 days / 24 h H&P window (42 CFR 482.22(c)(5)(i)), 24 h update (482.22(c)(5)(ii)),
 * 48 h verbal-order authentication (common state/bylaw window, 482.24(c)(2)), op report or brief op note within
 * 60 min of the end of surgery and the full report within 24 h (482.51(b)(6); TJC RC.02.01.03), 48 h anesthesia
 * evaluations (482.52(b)(1),(3)), short stay < 48 h, record complete within 30 days (482.24(c)(4)(viii)),
 * residents co-signed (bylaws).
 */
export const DEFAULT_POLICY: Readonly<CompletenessPolicy> = Object.freeze<CompletenessPolicy>({
  hpMaxDaysBefore: 30,
  hpMaxHoursAfter: 24,
  hpUpdateMaxHoursAfter: 24,
  hpRequiredClasses: ['inpatient', 'observation'],
  verbalOrderHours: 48,
  immediatePostOpMinutes: 60,
  operativeReportHours: 24,
  anesthesiaEvaluationHours: 48,
  dischargeSummaryClasses: ['inpatient'],
  shortStayHours: 48,
  shortStayFinalProgressNote: true,
  completionDays: 30,
  cosignRoles: ['resident'],
  cosignDocumentTypes: [
    'history-and-physical',
    'hp-update',
    'progress-note',
    'consult',
    'operative-report',
    'brief-op-note',
    'procedure-note',
    'delivery-note',
    'discharge-summary',
  ],
  signatureExemptTypes: ['face-sheet', 'lab', 'mar', 'authorization', 'correspondence', 'consent'],
  signatureExemptRoles: ['patient', 'registration', 'him'],
  consentKinds: ['surgical', 'invasive'],
});

/** Applies a scenario's overrides to the defaults (bylaws vary by facility; the CoP limits are the defaults). */
export function resolvePolicy(overrides: PolicyOverrides | undefined): CompletenessPolicy {
  const out: CompletenessPolicy = structuredClone({ ...DEFAULT_POLICY });
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
