/**
 * Automated compliance checks of a learner's physician query, each tied to AHIMA/ACDIS "Guidelines for Achieving
 * a Compliant Query Practice (2022 update)" as paraphrased in him-rules.md section 5 (Q-REQ, Q-NO, Q-FMT ids).
 */
import * as v from 'valibot';
import { dateTime } from '../../content/scenarioSchema';
import type { Citation, Evidence } from '../tasks/taskTypes';
import { sameProvider } from '../completeness/completenessReviewTask';

export const QUERY_PURPOSES = {
  'new-diagnosis': 'Clinical indicators without a documented diagnosis',
  specificity: 'A documented diagnosis that lacks specificity (type, acuity, severity)',
  conflict: 'Conflicting documentation between providers or notes',
  poa: 'Present-on-admission status is unclear',
  link: 'Cause-and-effect between documented conditions is unclear',
  'confirm-documented': 'Confirm a diagnosis documented by another provider or in a report',
} as const;
export type QueryPurpose = keyof typeof QUERY_PURPOSES;

/** Q-FMT-3: yes/no queries only to establish POA, link documented conditions, resolve conflicts or confirm a documented diagnosis. */
export const YES_NO_ALLOWED: readonly QueryPurpose[] = ['poa', 'link', 'conflict', 'confirm-documented'];

export const QUERY_FORMATS = ['open-ended', 'multiple-choice', 'yes-no'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

const idPattern = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'));
const phrases = v.pipe(v.array(v.pipe(v.string(), v.minLength(2))), v.minLength(1, 'give at least one phrase to recognise it by'));

export const queryInputSchema = v.pipe(
  v.object({
    /** What the query is about, e.g. "Heart failure type and acuity". */
    topic: v.pipe(v.string(), v.minLength(1)),
    purpose: v.picklist(Object.keys(QUERY_PURPOSES) as QueryPurpose[], `purpose is one of: ${Object.keys(QUERY_PURPOSES).join(', ')}`),
    /** The right addressee: the provider responsible for the documentation in question. */
    provider: v.object({ name: v.pipe(v.string(), v.minLength(1)), credentials: v.optional(v.string()), role: v.optional(v.string(), 'attending') }),
    /** The facts in THIS record that are clinical indicators (Q-REQ-2), each quoted from its document. */
    indicators: v.pipe(
      v.array(
        v.object({
          id: idPattern,
          label: v.pipe(v.string(), v.minLength(1)),
          /** Any of these phrases in the query counts as citing the indicator (case-insensitive). */
          match: phrases,
          evidence: v.object({ documentId: v.string(), quote: v.pipe(v.string(), v.minLength(2)) }),
        }),
      ),
      v.minLength(1, 'a query needs at least one clinical indicator'),
    ),
    /** How many indicators a compliant query must cite (no fixed minimum in the guidance; relevance over count). */
    minIndicators: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 2),
    /** The clinical options a learner might offer, with the provider's answer per option. */
    options: v.pipe(
      v.array(
        v.object({
          id: idPattern,
          label: v.pipe(v.string(), v.minLength(1)),
          match: phrases,
          /** Clinically reasonable and supported by the indicators (Q-FMT-2); unsupported options make a query noncompliant (Q-NO-3). */
          supported: v.boolean(),
          explanation: v.optional(v.string()),
          /** The provider's answer: true on the option the provider picks when it is offered. */
          providerChooses: v.optional(v.boolean(), false),
        }),
      ),
      v.minLength(1),
    ),
    /** What the provider documents in the response (the chosen option, or written under "Other" when it was not offered). */
    providerDocumentation: v.pipe(v.string(), v.minLength(1)),
    /** The provider's answer to a yes/no query, where one is allowed. */
    yesNoAnswer: v.optional(v.picklist(['yes', 'no'])),
    /** When the provider answers (default: the discharge date-time). */
    respondedAt: v.optional(dateTime),
  }),
  v.forward(
    v.check((i) => i.options.filter((o) => o.providerChooses).length === 1, 'mark exactly one option "providerChooses: true" (the provider\'s answer)'),
    ['options'],
  ),
  v.forward(
    v.check((i) => i.options.every((o) => !o.providerChooses || o.supported), 'the option the provider chooses must be supported'),
    ['options'],
  ),
);
export type QueryInput = v.InferOutput<typeof queryInputSchema>;

export const queryResponseSchema = v.object({
  addressee: v.string(),
  format: v.string(),
  /** Clinical indicators and the question, as the learner wrote them. */
  body: v.string(),
  /** Multiple-choice options, one per line item. */
  options: v.array(v.string()),
});
export type QueryDraft = v.InferOutput<typeof queryResponseSchema>;

export const GUIDANCE = 'AHIMA/ACDIS Guidelines for Achieving a Compliant Query Practice (2022 update)';
const cite = (section: string, text: string): Citation => ({ source: GUIDANCE, section: `him-rules.md 5 ${section}`, text });

export type QueryCheckId = 'addressee' | 'indicators' | 'not-leading' | 'no-financial' | 'options' | 'format' | 'asks-question';

export interface QueryCheck {
  id: QueryCheckId;
  label: string;
  passed: boolean;
  /** 0..1: partial credit (only the indicator check is graded, by how many indicators were cited). */
  credit: number;
  reason: string;
  citation: Citation;
  /** A failed blocking check stops the query before it reaches the provider. */
  blocking: boolean;
  evidence?: Evidence;
}

const OTHER = /^\s*(other\b|other\s*[:(-])/i;
const UNDETERMINED = /\b(clinically undetermined|undetermined|unable to (clinically )?determine|cannot be (clinically )?determined)\b/i;
const OPTIONAL_STANDARD = /\b(not clinically significant|integral to)\b/i;

/** Whether a line of a multiple-choice query is the "other" (free-text) choice (Q-FMT-2). */
export function isOtherOption(text: string): boolean {
  return OTHER.test(text);
}
/** Whether a line of a multiple-choice query is the "clinically undetermined" choice (Q-FMT-2). */
export function isUndeterminedOption(text: string): boolean {
  return UNDETERMINED.test(text);
}

const contains = (text: string, phrase: string) => text.toLowerCase().includes(phrase.toLowerCase());

/** The authored option a learner's multiple-choice line names (longest phrase wins), to judge it against Q-FMT-2 (him-rules.md 5). */
export function matchOption(input: QueryInput, line: string): QueryInput['options'][number] | undefined {
  // The longest matching phrase wins, so "acute on chronic diastolic" beats "chronic diastolic".
  let best: { option: QueryInput['options'][number]; length: number } | undefined;
  for (const option of input.options) {
    for (const phrase of option.match) {
      if (contains(line, phrase) && phrase.length > (best?.length ?? 0)) best = { option, length: phrase.length };
    }
  }
  return best?.option;
}

/** Indicators the query text cites (Q-REQ-2). */
export function citedIndicators(input: QueryInput, text: string): QueryInput['indicators'] {
  return input.indicators.filter((i) => i.match.some((m) => contains(text, m)));
}

/** Leading constructions (Q-NO-1): wording that steers the provider to one answer or presumes it. */
export const LEADING_PATTERNS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\bplease (document|add|confirm) (that|the diagnosis of|a diagnosis of)\b/i, why: 'asks the provider to write a specific diagnosis' },
  { pattern: /\b(would|do|don't|wouldn't) you (agree|think|consider)\b/i, why: 'asks the provider to agree with the querier' },
  { pattern: /\bcan you confirm (that )?(the )?(patient|pt) (has|had|is)\b/i, why: 'presumes the answer and asks only for confirmation' },
  { pattern: /\b(appears|seems|seem) to (have|be in|be|meet)\b/i, why: 'states the querier\'s own conclusion' },
  { pattern: /\bmeets? (the )?(\w+[- ]?\d? )?criteria (for|of)\b/i, why: 'tells the provider the criteria are met' },
  { pattern: /\b(should|must|needs? to) be (documented|added|coded|captured)\b/i, why: 'tells the provider what must be documented' },
  { pattern: /\bin order to (support|capture|code|justify)\b/i, why: 'states a documentation goal instead of asking for clinical judgment' },
  { pattern: /\b(consider|recommend|suggest) (documenting|adding|the diagnosis)\b/i, why: 'recommends a diagnosis' },
  { pattern: /\b(isn't it|is it not|wasn't it) (likely|true|possible)\b/i, why: 'asks a leading rhetorical question' },
];

/** Financial or quality wording (Q-NO-2). Acronyms are matched case-sensitively so "cc" (mL) is not caught. */
const FINANCIAL_WORDS = /\b(reimburs\w*|payments?|payers?|revenue|financial\w*|dollars?|case[- ]mix|severity of illness|risk of mortality|quality (score|measure|metric|rating)s?|star ratings?|denials?|expected mortality|length of stay|hospital[- ]acquired condition|complication or comorbidity|major complication|weight(ed)? (of|for) the (case|drg))\b|\$\s?\d/i;
const FINANCIAL_ACRONYMS = /\b(MS-DRG|APR-DRG|DRGs?|MCCs?|CCs?(?!:)|CMI|SOI|PSIs?|HACs?|GMLOS|ALOS)\b/;

/** Quoted record text ("...") is the provider's own words, so it is not the querier leading. */
const withoutQuotes = (text: string) => text.replace(/"[^"\n]*"|\u201c[^\u201d\n]*\u201d/g, '""');

/** Each check the player shows as passed/failed, with its reason and citation (him-rules.md 5). */
export function runQueryChecks(draft: QueryDraft, input: QueryInput): QueryCheck[] {
  const format = (QUERY_FORMATS as readonly string[]).includes(draft.format) ? (draft.format as QueryFormat) : undefined;
  const options = format === 'multiple-choice' ? draft.options.map((o) => o.trim()).filter(Boolean) : [];
  const whole = [draft.body, ...options].join('\n');
  const checks: QueryCheck[] = [];

  const addressed = draft.addressee.trim() !== '' && sameProvider(draft.addressee, input.provider.name);
  checks.push({
    id: 'addressee',
    label: 'Addressed to the responsible provider',
    passed: addressed,
    credit: addressed ? 1 : 0,
    blocking: true,
    reason: addressed
      ? `Sent to ${input.provider.name}, who is responsible for the documentation in question.`
      : `${draft.addressee.trim() || 'No one'} is not the right addressee: the query belongs to ${input.provider.name}${input.provider.role ? ` (${input.provider.role})` : ''}, whose documentation needs clarifying.`,
    citation: cite('Q-REQ-1, Q-REQ-3', 'The query goes to the provider who can document the clarification in the record'),
  });

  const cited = citedIndicators(input, whole);
  const needed = Math.min(input.minIndicators, input.indicators.length);
  const missing = input.indicators.filter((i) => !cited.includes(i));
  checks.push({
    id: 'indicators',
    label: 'Includes clinical indicators from this record',
    passed: cited.length >= needed,
    credit: Math.min(1, cited.length / needed),
    blocking: false,
    reason:
      cited.length >= needed
        ? `Cites ${cited.map((i) => i.label).join('; ')}.`
        : `Cites ${cited.length} of the ${needed} indicators expected${cited.length ? ` (${cited.map((i) => i.label).join('; ')})` : ''}. Indicators in this record you could have cited: ${missing.map((i) => i.label).join('; ')}.`,
    citation: cite('Q-REQ-2', 'Clinical indicators from this encounter (labs, vitals, imaging, treatment) with their source'),
    evidence: missing[0]?.evidence ?? cited[0]?.evidence,
  });

  const leading = LEADING_PATTERNS.map((l) => ({ ...l, match: l.pattern.exec(withoutQuotes(whole)) })).filter((l) => l.match);
  const unsupportedInBody =
    format === 'multiple-choice' || input.purpose === 'conflict'
      ? []
      : input.options.filter((o) => !o.supported && o.match.some((m) => contains(withoutQuotes(draft.body), m)));
  const notLeading = leading.length === 0 && unsupportedInBody.length === 0;
  checks.push({
    id: 'not-leading',
    label: 'No leading wording',
    passed: notLeading,
    credit: notLeading ? 1 : 0,
    blocking: true,
    reason: notLeading
      ? 'The wording asks for the provider\'s clinical judgment without steering to an answer.'
      : [
          ...leading.map((l) => `"${l.match?.[0] ?? ''}" ${l.why}`),
          ...unsupportedInBody.map((o) => `it names "${o.label}", which the indicators in this record do not support${o.explanation ? ` (${o.explanation})` : ''} (Q-NO-3)`),
        ].join('; ') + '.',
    citation: cite('Q-NO-1, Q-NO-3', 'A query must not lead the provider to a particular answer or offer an unsupported diagnosis'),
  });

  const financial = [FINANCIAL_WORDS.exec(whole)?.[0], FINANCIAL_ACRONYMS.exec(whole)?.[0]].filter((x): x is string => Boolean(x));
  checks.push({
    id: 'no-financial',
    label: 'No payment, DRG or quality-score impact',
    passed: financial.length === 0,
    credit: financial.length === 0 ? 1 : 0,
    blocking: true,
    reason: financial.length === 0 ? 'No mention of reimbursement, DRG/CC/MCC or quality measures.' : `It mentions ${financial.map((f) => `"${f}"`).join(' and ')}; a query never cites the financial or quality impact of the answer.`,
    citation: cite('Q-NO-2', 'No mention of reimbursement, DRG/CC/MCC, quality or PSI impact'),
  });

  if (format === 'multiple-choice') {
    const problems: string[] = [];
    const clinical = options.filter((o) => !isOtherOption(o) && !isUndeterminedOption(o) && !OPTIONAL_STANDARD.test(o));
    for (const line of clinical) {
      const option = matchOption(input, line);
      if (!option) problems.push(`"${line}" is not a clinically reasonable option for this record`);
      else if (!option.supported) problems.push(`"${line}" is not supported by the indicators${option.explanation ? ` (${option.explanation})` : ''}`);
    }
    if (!clinical.some((line) => matchOption(input, line)?.supported)) problems.push('no supported clinical option is offered');
    if (!options.some(isOtherOption)) problems.push('there is no "Other" (free-text) option');
    if (!options.some(isUndeterminedOption)) problems.push('there is no "Clinically undetermined" option');
    checks.push({
      id: 'options',
      label: 'Options clinically reasonable, with "other" and "clinically undetermined"',
      passed: problems.length === 0,
      credit: problems.length === 0 ? 1 : 0,
      blocking: false,
      reason: problems.length === 0 ? 'Every option is supported by the indicators, and "Other" and "Clinically undetermined" are offered.' : `${problems.join('; ')}.`,
      citation: cite('Q-FMT-2', 'Only clinically reasonable, supported options, plus "other" and "clinically undetermined"'),
    });
  } else {
    checks.push({
      id: 'options',
      label: 'Options clinically reasonable, with "other" and "clinically undetermined"',
      passed: true,
      credit: 1,
      blocking: false,
      reason: format === 'open-ended' ? 'Open-ended: no options to check (the most defensible format, Q-FMT-1).' : 'Not a multiple-choice query.',
      citation: cite('Q-FMT-1, Q-FMT-2', 'Open-ended queries are the most defensible; multiple choice needs reasonable options'),
    });
  }

  const yesNoOk = format !== undefined && (format !== 'yes-no' || YES_NO_ALLOWED.includes(input.purpose));
  checks.push({
    id: 'format',
    label: 'Format fits the question (yes/no only where allowed)',
    passed: yesNoOk,
    credit: yesNoOk ? 1 : 0,
    blocking: true,
    reason:
      format === undefined
        ? 'Choose a query format: open-ended, multiple choice or yes/no.'
        : yesNoOk
          ? format === 'yes-no'
            ? `A yes/no query is allowed here: ${QUERY_PURPOSES[input.purpose].toLowerCase()}.`
            : `${format === 'open-ended' ? 'Open-ended' : 'Multiple choice'} suits this question.`
          : `A yes/no query may not be used here (${QUERY_PURPOSES[input.purpose].toLowerCase()}): yes/no is only for POA, linking documented conditions, resolving conflicting documentation or confirming a documented diagnosis, never for a new diagnosis.`,
    citation: cite('Q-FMT-3, Q-NO-4', 'Yes/no only to establish POA, link conditions, resolve conflicts or confirm a documented diagnosis'),
  });

  const asks = /\?/.test(whole) || /\bplease (clarify|specify|indicate|document your|document the (clinical|appropriate)|provide your)\b/i.test(whole);
  checks.push({
    id: 'asks-question',
    label: 'Asks the provider to document their judgment',
    passed: asks,
    credit: asks ? 1 : 0,
    blocking: false,
    reason: asks ? 'The query asks a question the provider answers in the record.' : 'There is no question: end with one (e.g. "Please clarify ... in the record") so the answer is documented.',
    citation: cite('Q-REQ-3', 'A question asking the provider to document their judgment in the record'),
  });

  return checks;
}
