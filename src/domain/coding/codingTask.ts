/**
 * The "coding" task: principal diagnosis, secondary diagnoses with POA, procedures with dates.
 *
 * Scoring gives partial credit by the formula in docs/scoring.md ("Coding, v2"); every discrepancy is
 * diagnosed by cause (src/domain/coding/diagnose.ts) with the guideline section that decides it and, where
 * possible, the chart line that supports the right answer. Keys are the author's codes, checked against the
 * code sets when they are loaded (ICD-10-CM Official Guidelines FY2026 I.B.1-2).
 */
import * as v from 'valibot';
import type { AuthoringProblem, Evidence, Finding, TaskServices, TaskType } from '../tasks/taskTypes';
import { formatDiagnosisCode, looksLikeDiagnosisCode, looksLikeProcedureCode, normaliseCode, POA_VALUES, type PoaIndicator } from './codeFormat';
import type { Scenario } from '../../content/scenarioSchema';
import { CODING_ERROR_TYPES, MSDRG, OCG, citationFor, type CodingErrorTypeId } from './errorTypes';
import { codeProblem, COMBINATION_RULES, diagnosePcs, isManifestationTitle, isSymptomCode, pcsSimilarity, relateDiagnosis, type Diagnosis } from './diagnose';
import { evidenceForDiagnosis, evidenceForProcedure, isUncertainWording, quoteIsVerbatim, ruledOutMention } from './evidence';
import type { CodeFacts, CodingReference } from './reference';
import { claimForScenario, formatDrg, type ClaimCodes, type GrouperService } from '../drg/grouperService';
import type { GroupResult } from '../grouper/types';

const dxCode = v.pipe(
  v.string('expected an ICD-10-CM code as text'),
  v.transform(normaliseCode),
  v.check(looksLikeDiagnosisCode, 'is not shaped like an ICD-10-CM code (letter, digit, then up to 5 characters)'),
);
const pcsCode = v.pipe(
  v.string('expected an ICD-10-PCS code as text'),
  v.transform(normaliseCode),
  v.check(looksLikeProcedureCode, 'is not shaped like an ICD-10-PCS code (7 characters, no I or O)'),
);
const poa = v.pipe(
  v.union([v.string(), v.number()], 'expected a POA indicator'),
  v.transform((x) => String(x).toUpperCase()),
  v.picklist(POA_VALUES, 'POA is Y, N, U, W or 1 (exempt)'),
);
/** Where in the chart the code is supported: a document id and a verbatim quote (the player highlights it). */
const evidenceSchema = v.object({
  documentId: v.pipe(v.string('expected a chart document id'), v.minLength(1, 'documentId is empty')),
  quote: v.optional(v.string()),
});

export const codingAnswerSchema = v.object({
  pdx: dxCode,
  /** Other codes the author accepts as principal diagnosis (full credit). */
  pdxAlternatives: v.optional(v.array(dxCode), []),
  pdxEvidence: v.optional(evidenceSchema),
  sdx: v.optional(
    v.array(
      v.object({
        code: dxCode,
        poa,
        optional: v.optional(v.boolean(), false),
        alternatives: v.optional(v.array(dxCode), []),
        /** Why this code is owed, shown in feedback. */
        rationale: v.optional(v.string()),
        evidence: v.optional(evidenceSchema),
      }),
    ),
    [],
  ),
  procedures: v.optional(
    v.array(
      v.object({
        code: pcsCode,
        date: v.optional(v.string()),
        optional: v.optional(v.boolean(), false),
        alternatives: v.optional(v.array(pcsCode), []),
        rationale: v.optional(v.string()),
        evidence: v.optional(evidenceSchema),
      }),
    ),
    [],
  ),
  pdxRationale: v.optional(v.string()),
});
export type CodingAnswer = v.InferOutput<typeof codingAnswerSchema>;

export const codingResponseSchema = v.object({
  pdx: v.string(),
  sdx: v.array(v.object({ code: v.string(), poa: v.string() })),
  procedures: v.array(v.object({ code: v.string(), date: v.string() })),
});
export type CodingResponse = v.InferOutput<typeof codingResponseSchema>;

/** Points of each component (docs/scoring.md "Coding, v2"). */
export const CODING_POINTS = { pdx: 3, sdx: 1, poa: 0.5, procedure: 2, procedureDate: 0.5, sequencing: 1, drg: 2, extra: 0.5 } as const;
const POINTS = CODING_POINTS;

/** Checks an author's key against the code sets (OCG I.B.1-2) and its evidence against the chart. */
export function checkCodingAnswer(answer: CodingAnswer, scenario: Scenario, services: TaskServices): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const checkEvidence = (evidence: Evidence | undefined, path: string) => {
    if (!evidence) return;
    if (!scenario.chart.some((d) => d.id === evidence.documentId)) problems.push({ path: `${path}.documentId`, message: `no chart document "${evidence.documentId}"` });
    else if (!quoteIsVerbatim(scenario, evidence)) problems.push({ path: `${path}.quote`, message: `is not a verbatim excerpt of document "${evidence.documentId}"` });
  };
  checkEvidence(answer.pdxEvidence, 'pdxEvidence');
  answer.sdx.forEach((s, i) => checkEvidence(s.evidence, `sdx[${i}].evidence`));
  answer.procedures.forEach((p, i) => checkEvidence(p.evidence, `procedures[${i}].evidence`));
  const seen = new Set<string>();
  answer.sdx.forEach((s, i) => {
    if (s.code === answer.pdx) problems.push({ path: `sdx[${i}].code`, message: 'repeats the principal diagnosis' });
    if (seen.has(s.code)) problems.push({ path: `sdx[${i}].code`, message: `"${formatDiagnosisCode(s.code)}" is listed twice` });
    seen.add(s.code);
  });
  const lookup = services.codeInfo;
  if (!lookup) return problems;
  const date = scenario.encounter.discharged.slice(0, 10);
  const check = (code: string, kind: 'dx' | 'pcs', path: string) => {
    const info = lookup(code, kind, date);
    if (info.status === 'reportable') return;
    const label = kind === 'dx' ? formatDiagnosisCode(code) : code;
    const reason =
      info.status === 'header'
        ? (info.hint ?? 'is a category or header, not a reportable code')
        : (info.hint ?? `is not a valid ${kind === 'dx' ? 'ICD-10-CM' : 'ICD-10-PCS'} code on ${date}`);
    problems.push({ path, message: `"${label}" ${reason.startsWith(label) ? reason.slice(label.length).trim() : reason}` });
  };
  check(answer.pdx, 'dx', 'pdx');
  answer.pdxAlternatives.forEach((c, i) => check(c, 'dx', `pdxAlternatives[${i}]`));
  answer.sdx.forEach((s, i) => {
    check(s.code, 'dx', `sdx[${i}].code`);
    s.alternatives.forEach((c, j) => check(c, 'dx', `sdx[${i}].alternatives[${j}]`));
  });
  answer.procedures.forEach((p, i) => {
    check(p.code, 'pcs', `procedures[${i}].code`);
    p.alternatives.forEach((c, j) => check(c, 'pcs', `procedures[${i}].alternatives[${j}]`));
  });
  return problems;
}

/** The key's codes as a grouper claim input (required codes, plus the optional ones listed in `withOptional`). */
export function keyClaimCodes(answer: CodingAnswer, withOptional: ReadonlySet<string> = new Set()): ClaimCodes {
  return {
    pdx: answer.pdx,
    sdx: answer.sdx.filter((s) => !s.optional || withOptional.has(s.code)).map((s) => ({ code: s.code, poa: s.poa })),
    procedures: answer.procedures.filter((p) => !p.optional || withOptional.has(p.code)).map((p) => ({ code: p.code })),
  };
}

export interface ScoreContext {
  scenario?: Scenario;
  services?: TaskServices;
}

interface Ctx {
  scenario: Scenario | undefined;
  ref: CodingReference | undefined;
  grouper: GrouperService | undefined;
  date: string;
  facts: (code: string, kind: 'dx' | 'pcs') => CodeFacts | undefined;
}

function matches(given: string, code: string, alternatives: readonly string[]): boolean {
  const g = normaliseCode(given);
  return g === code || alternatives.includes(g);
}

const POA_MEANING: Record<string, string> = {
  Y: 'Y (present at the time of the inpatient admission order, including conditions that arose in the ED or observation)',
  N: 'N (not present at the time of the inpatient admission order)',
  U: 'U (documentation insufficient to tell)',
  W: 'W (the provider cannot clinically determine it)',
  '1': '1 (exempt from POA reporting)',
};

function drgLabel(result: GroupResult): string {
  return `MS-DRG ${formatDrg(result.drg)} ${result.drgTitle}`;
}

function finding(
  outcome: Finding['outcome'],
  subject: string,
  message: string,
  points: number,
  maxPoints: number,
  extra: { errorType?: CodingErrorTypeId; diagnosis?: Diagnosis; evidence?: Evidence | undefined; citation?: Finding['citation'] } = {},
): Finding {
  const f: Finding = { outcome, subject, message, points, maxPoints };
  const errorType = extra.diagnosis?.errorType ?? extra.errorType;
  if (errorType) f.errorType = errorType;
  const citation = extra.citation ?? extra.diagnosis?.citation ?? (errorType ? citationFor(errorType) : undefined);
  if (citation) f.citation = citation;
  if (extra.evidence) f.evidence = extra.evidence;
  return f;
}

/**
 * Scores a coding response with partial credit and diagnoses every discrepancy (docs/scoring.md "Coding, v2"):
 * principal diagnosis (OCG Section II), each required secondary (Section III) and its POA (Appendix I), each
 * procedure and its date (UHDDS), sequencing (OCG I.A.13; UHDDS principal procedure), the MS-DRG the codes
 * group to (MS-DRG v43), and a deduction per unsupported extra code. Without code sets or grouper (not yet
 * loaded) it falls back to shape checks and leaves out the DRG component. Never throws.
 */
export function scoreCoding(response: CodingResponse, answer: CodingAnswer, context: ScoreContext = {}): { score: number; maxScore: number; findings: Finding[] } {
  const scenario = context.scenario;
  const ref = context.services?.codingReference;
  const date = scenario?.encounter.discharged.slice(0, 10) ?? '2026-01-01';
  const factsCache = new Map<string, CodeFacts | undefined>();
  const ctx: Ctx = {
    scenario,
    ref,
    grouper: scenario ? context.services?.grouper : undefined,
    date,
    facts: (code, kind) => {
      const key = `${kind}:${code}`;
      if (!factsCache.has(key)) factsCache.set(key, ref && code.trim() ? ref.facts(code, kind, date) : undefined);
      return factsCache.get(key);
    },
  };
  const title = (code: string) => ref?.title(code, 'dx');
  const dxEvidence = (code: string, authored?: Evidence) => (scenario ? evidenceForDiagnosis(scenario, title(code), authored) : authored);
  const show = formatDiagnosisCode;

  const findings: Finding[] = [];
  const pdxFindings: Finding[] = [];
  const sdxFindings: Finding[] = [];
  const extraFindings: Finding[] = [];
  const procFindings: Finding[] = [];
  const seqFindings: Finding[] = [];

  const learnerPdx = normaliseCode(response.pdx);
  const learnerSdx = response.sdx.map((r) => ({ code: normaliseCode(r.code), poa: r.poa.trim().toUpperCase() }));
  const keyPdxCodes = [answer.pdx, ...answer.pdxAlternatives];
  const pdxOk = learnerPdx !== '' && keyPdxCodes.includes(learnerPdx);
  /** Learner secondary rows already explained by a finding (no extra deduction). */
  const usedSdx = new Set<number>();
  /** Key secondaries already settled (matched or diagnosed). */
  const settledKey = new Set<number>();

  // --- Secondary diagnoses: exact matches first (so that the principal-diagnosis rules can see them).
  const keyMatch = new Map<number, number>();
  answer.sdx.forEach((key, k) => {
    const index = learnerSdx.findIndex((r, i) => !usedSdx.has(i) && matches(r.code, key.code, key.alternatives));
    if (index >= 0) {
      usedSdx.add(index);
      keyMatch.set(k, index);
      settledKey.add(k);
    }
  });

  // --- Principal diagnosis (OCG Section II).
  const pdxEvidence = dxEvidence(answer.pdx, answer.pdxEvidence);
  const pdxSubject = 'Principal diagnosis';
  const keyPdxTitle = title(answer.pdx);
  const expectedPdx = `${show(answer.pdx)}${keyPdxTitle ? ` (${keyPdxTitle})` : ''}`;
  const rationale = answer.pdxRationale ?? 'The principal diagnosis is the condition established after study to be chiefly responsible for the admission.';
  if (pdxOk) {
    pdxFindings.push(finding('correct', pdxSubject, `${show(learnerPdx)} is the principal diagnosis.`, POINTS.pdx, POINTS.pdx, { evidence: pdxEvidence }));
  } else if (!learnerPdx) {
    pdxFindings.push(finding('missed', pdxSubject, `No principal diagnosis was given. Expected ${expectedPdx}. ${rationale}`, 0, POINTS.pdx, { errorType: 'coding.pdx-wrong', evidence: pdxEvidence }));
  } else {
    const keyPdxAsSdx = learnerSdx.findIndex((r, i) => !usedSdx.has(i) && keyPdxCodes.includes(r.code));
    const learnerPdxIsKeySdx = answer.sdx.findIndex((s, k) => !settledKey.has(k) && matches(learnerPdx, s.code, s.alternatives));
    let d: Diagnosis | null;
    const facts = ctx.facts(learnerPdx, 'dx');
    const learnerTitle = title(learnerPdx) ?? facts?.title;
    if (learnerPdxIsKeySdx >= 0) {
      const sepsisFirst = /^(A4[01]|A021|A227|A267|A327|A427|A5486|B377)/.test(answer.pdx);
      const base = `${show(learnerPdx)} is a secondary diagnosis here; ${expectedPdx} is the principal diagnosis${keyPdxAsSdx >= 0 ? ' (you listed it as a secondary)' : ''}. ${rationale}`;
      if (/^R652/.test(learnerPdx)) {
        d = { errorType: 'coding.pdx-sequencing', message: `${base} R65.2- codes are never principal: the underlying systemic infection is sequenced first.`, citation: { source: OCG, section: 'I.C.1.d.3', text: 'Severe sepsis codes R65.2- can never be assigned as principal diagnosis' } };
      } else if (sepsisFirst) {
        d = { errorType: 'coding.pdx-sequencing', message: `${base} When sepsis and a localized infection are both present on admission, the systemic infection is sequenced first.`, citation: { source: OCG, section: 'I.C.1.d.4', text: 'Sepsis and a localized infection both present on admission: sepsis first' } };
      } else {
        d = { errorType: 'coding.pdx-sequencing', message: base, citation: citationFor('coding.pdx-sequencing') };
      }
      // The learner did report the key secondary (as principal): the code counts, its POA cannot be judged.
      settledKey.add(learnerPdxIsKeySdx);
      const key = answer.sdx[learnerPdxIsKeySdx]!;
      if (!key.optional) {
        sdxFindings.push(finding('partial', `Secondary diagnosis ${show(key.code)}`, `${show(key.code)} is owed, but as a secondary diagnosis (with POA ${key.poa}), not as principal.`, POINTS.sdx, POINTS.sdx + POINTS.poa, { errorType: 'coding.pdx-sequencing', evidence: dxEvidence(key.code, key.evidence) }));
      }
    } else {
      d = codeProblem(learnerPdx, 'dx', facts, ref, date);
      if (d) d = relateDiagnosis(learnerPdx, answer.pdx, facts, ref, date) ?? { ...d, message: `${d.message} Expected ${expectedPdx}.` };
      else if (isSymptomCode(learnerPdx) && !isSymptomCode(answer.pdx)) {
        const uncertain = pdxEvidence?.quote && isUncertainWording(pdxEvidence.quote);
        d = uncertain
          ? { errorType: 'coding.uncertain-diagnosis', message: `${show(learnerPdx)} codes a symptom, but the provider documented ${expectedPdx} as ${'probable/suspected'} at discharge, and for an inpatient that is coded as if established. ${rationale}`, citation: { source: OCG, section: 'Section II.H', text: 'Uncertain diagnosis at discharge coded as if it existed (inpatient)' } }
          : { errorType: 'coding.symptom-as-pdx', message: `${show(learnerPdx)}${learnerTitle ? ` (${learnerTitle})` : ''} is a symptom, and its cause was established: ${expectedPdx}. ${rationale}`, citation: citationFor('coding.symptom-as-pdx') };
      } else d = relateDiagnosis(learnerPdx, answer.pdx, facts, ref, date);
      if (!d && isManifestationTitle(learnerTitle)) {
        d = { errorType: 'coding.code-first-order', message: `${show(learnerPdx)} is a manifestation code ("in diseases classified elsewhere") and can never be principal; its etiology is sequenced first. Expected ${expectedPdx}.`, citation: citationFor('coding.code-first-order') };
      }
      d ??= { errorType: 'coding.pdx-wrong', message: `Expected ${expectedPdx}, not ${show(learnerPdx)}${learnerTitle ? ` (${learnerTitle})` : ''}. ${rationale}`, citation: citationFor('coding.pdx-wrong') };
    }
    if (keyPdxAsSdx >= 0) usedSdx.add(keyPdxAsSdx);
    pdxFindings.push(finding('incorrect', pdxSubject, d.message, 0, POINTS.pdx, { diagnosis: d, evidence: pdxEvidence }));
  }

  // --- Matched secondaries and their POA (Appendix I).
  answer.sdx.forEach((key, k) => {
    const index = keyMatch.get(k);
    if (index === undefined) return;
    const given = learnerSdx[index]!;
    const max = key.optional ? 0 : POINTS.sdx + POINTS.poa;
    const subject = `Secondary diagnosis ${show(key.code)}`;
    const evidence = dxEvidence(key.code, key.evidence);
    const exempt = key.poa === '1';
    const poaOk = given.poa === key.poa || (exempt && given.poa === '');
    if (poaOk) {
      sdxFindings.push(finding('correct', subject, `${show(key.code)} with POA ${key.poa} is right.`, key.optional ? 0 : max, max, { evidence }));
      return;
    }
    const exemptMisuse = given.poa === '1' && !exempt;
    const message = exemptMisuse
      ? `${show(key.code)} is right, but it is not on the POA-exempt list, so "1" is not allowed: its POA is ${POA_MEANING[key.poa] ?? key.poa}.`
      : exempt
        ? `${show(key.code)} is right; it is on the POA-exempt list, so its indicator is 1 (or blank), not ${given.poa}.`
        : `${show(key.code)} is right, but its POA indicator is ${POA_MEANING[key.poa] ?? key.poa}, not ${given.poa || '(blank)'}.`;
    sdxFindings.push(
      finding('partial', subject, `${message}${key.rationale ? ` ${key.rationale}` : ''}`, key.optional ? 0 : POINTS.sdx, max, {
        errorType: exemptMisuse || exempt ? 'coding.poa-exempt' : 'coding.poa-wrong',
        evidence,
      }),
    );
  });

  // --- Near misses: a wrong code that stands in for a key code (laterality, specificity, combination, incomplete).
  answer.sdx.forEach((key, k) => {
    if (settledKey.has(k)) return;
    let best: { index: number; d: Diagnosis } | undefined;
    learnerSdx.forEach((r, i) => {
      if (best || usedSdx.has(i) || !r.code) return;
      const d = relateDiagnosis(r.code, key.code, ctx.facts(r.code, 'dx'), ref, date);
      if (d) best = { index: i, d };
    });
    if (!best) return;
    usedSdx.add(best.index);
    settledKey.add(k);
    const max = key.optional ? 0 : POINTS.sdx + POINTS.poa;
    sdxFindings.push(finding('incorrect', `Secondary diagnosis ${show(key.code)}`, `${best.d.message}${key.rationale ? ` ${key.rationale}` : ''}`, 0, max, { diagnosis: best.d, evidence: dxEvidence(key.code, key.evidence) }));
  });

  // --- Missed secondaries, by cause.
  const reportedDx = [learnerPdx, ...learnerSdx.map((r) => r.code)].filter((c) => c.length > 0);
  const learnerGroup = ctx.grouper && scenario && learnerPdx ? safeGroup(ctx.grouper, scenario, { pdx: learnerPdx, sdx: learnerSdx, procedures: response.procedures }) : undefined;
  answer.sdx.forEach((key, k) => {
    if (settledKey.has(k) || key.optional) return;
    const evidence = dxEvidence(key.code, key.evidence);
    const keyTitle = title(key.code);
    const subject = `Secondary diagnosis ${show(key.code)}`;
    const lead = `${show(key.code)}${keyTitle ? ` (${keyTitle})` : ''} was not reported.`;
    const why = key.rationale ?? 'It meets the definition of an other diagnosis: it affected evaluation, treatment or care.';
    const max = POINTS.sdx + POINTS.poa;
    let d: Diagnosis | undefined;
    if (evidence?.quote && isUncertainWording(evidence.quote)) {
      d = { errorType: 'coding.uncertain-diagnosis', message: `${lead} The provider documented it as uncertain ("${evidence.quote}") at discharge; for an inpatient an uncertain diagnosis still documented at discharge is coded as if established. ${why}`, citation: { source: OCG, section: 'Section III.C', text: 'Uncertain secondary diagnoses at discharge are coded as if established (inpatient)' } };
    }
    const combination = COMBINATION_RULES.find((r) => r.key.test(key.code) && r.errorType === 'coding.combination-sepsis');
    if (!d && combination) d = { errorType: combination.errorType, message: `${lead} ${combination.explain} ${why}`, citation: citationFor(combination.errorType) };
    if (!d && ref) {
      for (const code of reportedDx) {
        const note = ref.partners(code).find((p) => p.matches(key.code));
        if (!note) continue;
        const label = note.kind === 'codeFirst' ? 'Code first' : note.kind === 'codeAlso' ? 'Code also' : 'Use additional code';
        const text = /^code\b/i.test(note.text) && note.kind === 'useAdditionalCode' ? `Use additional ${note.text}` : `${label} ${note.text}`;
        d = {
          errorType: 'coding.partner-missed',
          message: `${lead} The Tabular List note at ${showLevel(note.level)} applies to ${show(code)}: "${text}" (ICD-10-CM Tabular List, ${note.edition} edition). ${why}`,
          citation: { source: OCG, section: note.kind === 'codeAlso' ? 'I.A.17' : 'I.A.13', text: `Tabular note "${label}" at ${showLevel(note.level)} (${note.edition} tabular edition)` },
        };
        break;
      }
    }
    if (!d && learnerGroup && ctx.grouper && scenario) {
      const withIt = safeGroup(ctx.grouper, scenario, { pdx: learnerPdx, sdx: [...learnerSdx, { code: key.code, poa: key.poa }], procedures: response.procedures });
      const usage = withIt?.secondaries.find((s) => s.code === key.code);
      if (withIt && usage && (usage.listedSeverity === 'CC' || usage.listedSeverity === 'MCC')) {
        const changed = withIt.drg !== learnerGroup.drg;
        const effect = changed
          ? `Reporting it would change your case from ${drgLabel(learnerGroup)} to ${drgLabel(withIt)}.`
          : usage.usage === 'CC' || usage.usage === 'MCC'
            ? `With your other codes it would not change the MS-DRG (${drgLabel(learnerGroup)}), but it still belongs on the claim.`
            : `Here it would not count (${usage.explanation}); it still belongs on the claim.`;
        d = { errorType: 'coding.cc-mcc-missed', message: `${lead} It is ${usage.listedSeverity === 'MCC' ? 'an MCC' : 'a CC'}. ${effect} ${why}`, citation: citationFor('coding.cc-mcc-missed') };
      }
    }
    d ??= { errorType: 'coding.sdx-missed', message: `${lead} ${why}`, citation: citationFor('coding.sdx-missed') };
    sdxFindings.push(finding('missed', subject, d.message, 0, max, { diagnosis: d, evidence }));
  });

  // --- Extra learner secondaries, by cause.
  const pairs = ref ? ref.excludes1(reportedDx) : [];
  const keyCodes = new Set([...keyPdxCodes, ...answer.sdx.flatMap((s) => [s.code, ...s.alternatives])]);
  const seen = new Set<string>(learnerPdx ? [learnerPdx] : []);
  learnerSdx.forEach((r, i) => {
    if (usedSdx.has(i) || !r.code) {
      if (r.code) seen.add(r.code);
      return;
    }
    const subject = `Secondary diagnosis ${show(r.code)}`;
    const facts = ctx.facts(r.code, 'dx');
    const rTitle = title(r.code) ?? facts?.title;
    let d: Diagnosis | null = null;
    let evidence: Evidence | undefined;
    if (seen.has(r.code)) {
      d = r.code === learnerPdx
        ? { errorType: 'coding.pdx-repeated', message: `${show(r.code)} is already the principal diagnosis; do not repeat it as a secondary.`, citation: citationFor('coding.pdx-repeated') }
        : { errorType: 'coding.duplicate-code', message: `${show(r.code)} is listed more than once; each code is reported once.`, citation: citationFor('coding.duplicate-code') };
    }
    seen.add(r.code);
    d ??= codeProblem(r.code, 'dx', facts, ref, date);
    if (!d && scenario && rTitle) {
      const ruled = ruledOutMention(scenario, rTitle);
      if (ruled) {
        d = { errorType: 'coding.ruled-out-coded', message: `${show(r.code)} (${rTitle}) was ruled out ("${ruled.quote}"). Only a diagnosis still uncertain at discharge is coded as if established.`, citation: citationFor('coding.ruled-out-coded') };
        evidence = ruled;
      }
    }
    if (!d) {
      const pair = pairs.find((p) => (p.code === r.code || p.excluded === r.code) && !(keyCodes.has(p.code) && keyCodes.has(p.excluded)));
      if (pair) {
        d = {
          errorType: 'coding.excludes1-pair',
          message: `${show(pair.code)} and ${show(pair.excluded)} are reported together, but the Excludes1 note at ${showLevel(pair.level)} says "${pair.text}" (ICD-10-CM Tabular List, ${pair.edition} edition): the two are never coded together unless the conditions are unrelated.`,
          citation: { source: OCG, section: 'I.A.12.a', text: `Excludes1 note at ${showLevel(pair.level)} (${pair.edition} tabular edition)` },
        };
      }
    }
    if (!d && isSymptomCode(r.code) && !isSymptomCode(answer.pdx)) {
      d = { errorType: 'coding.symptom-integral', message: `${show(r.code)}${rTitle ? ` (${rTitle})` : ''} is a sign or symptom explained by a confirmed diagnosis in this record (e.g. ${expectedPdx}); symptoms routinely associated with a confirmed condition are not coded separately.`, citation: citationFor('coding.symptom-integral') };
    }
    d ??= { errorType: 'coding.sdx-unsupported', message: `${show(r.code)}${rTitle ? ` (${rTitle})` : ''} is not supported as a reportable secondary diagnosis in this chart.`, citation: citationFor('coding.sdx-unsupported') };
    extraFindings.push(finding('extra', subject, d.message, -POINTS.extra, 0, { diagnosis: d, evidence }));
  });
  // Excludes1 between the principal diagnosis and a matched secondary is still worth saying (no deduction).
  for (const pair of pairs) {
    if (keyCodes.has(pair.code) && keyCodes.has(pair.excluded)) continue;
    const involved = [pair.code, pair.excluded];
    if (extraFindings.some((f) => f.errorType === 'coding.excludes1-pair' && involved.some((c) => f.subject.endsWith(show(c))))) continue;
    if (!involved.includes(learnerPdx)) continue;
    extraFindings.push(
      finding('info', `Excludes1: ${show(pair.code)} with ${show(pair.excluded)}`, `The Excludes1 note at ${showLevel(pair.level)} says "${pair.text}" (ICD-10-CM Tabular List, ${pair.edition} edition): these two are not coded together.`, 0, 0, {
        errorType: 'coding.excludes1-pair',
        citation: { source: OCG, section: 'I.A.12.a', text: `Excludes1 note at ${showLevel(pair.level)} (${pair.edition} tabular edition)` },
      }),
    );
  }

  // --- Procedures (UHDDS; ICD-10-PCS).
  const learnerProcs = response.procedures.map((p) => ({ code: normaliseCode(p.code), date: p.date.trim() }));
  const usedProc = new Set<number>();
  const procMatch = new Map<number, number>();
  answer.procedures.forEach((key, k) => {
    const index = learnerProcs.findIndex((r, i) => !usedProc.has(i) && matches(r.code, key.code, key.alternatives));
    if (index >= 0) {
      usedProc.add(index);
      procMatch.set(k, index);
    }
  });
  answer.procedures.forEach((key, k) => {
    const codeMax = key.optional ? 0 : POINTS.procedure;
    const dateMax = key.optional || !key.date ? 0 : POINTS.procedureDate;
    const max = codeMax + dateMax;
    const subject = `Procedure ${key.code}`;
    const evidence = scenario ? evidenceForProcedure(scenario, key.date, key.evidence) : key.evidence;
    const index = procMatch.get(k);
    if (index !== undefined) {
      const given = learnerProcs[index]!;
      const dateOk = !key.date || given.date === key.date;
      if (dateOk) procFindings.push(finding('correct', subject, `${key.code}${key.date ? ` on ${key.date}` : ''} is right.`, max, max, { evidence }));
      else procFindings.push(finding('partial', subject, `${key.code} is right, but it was performed on ${key.date}, not ${given.date || '(no date)'}.`, codeMax, max, { errorType: 'coding.pcs-date', evidence }));
      return;
    }
    // A near miss: the learner's code shares most characters with the key code.
    let best: { index: number; sim: number } | undefined;
    learnerProcs.forEach((r, i) => {
      if (usedProc.has(i) || !looksLikeProcedureCode(r.code) || r.code[0] !== key.code[0]) return;
      const sim = Math.max(pcsSimilarity(r.code, key.code), ...key.alternatives.map((a) => pcsSimilarity(r.code, a)));
      if (sim >= 4 && (!best || sim > best.sim)) best = { index: i, sim };
    });
    if (best) {
      usedProc.add(best.index);
      const given = learnerProcs[best.index]!;
      const problem = codeProblem(given.code, 'pcs', ctx.facts(given.code, 'pcs'), ref, date);
      const d = diagnosePcs(given.code, key.code, ref);
      const message = `${problem ? `${problem.message} ` : ''}${d.message}${key.rationale ? ` ${key.rationale}` : ''}`;
      if (!key.optional) procFindings.push(finding('incorrect', subject, message, 0, max, { diagnosis: d, evidence }));
      return;
    }
    if (key.optional) return;
    procFindings.push(finding('missed', subject, `${key.code} was not reported. ${key.rationale ?? 'It is a significant procedure (UHDDS).'}`, 0, max, { errorType: 'coding.pcs-missed', evidence }));
  });
  learnerProcs.forEach((r, i) => {
    if (usedProc.has(i) || !r.code) return;
    const d = codeProblem(r.code, 'pcs', ctx.facts(r.code, 'pcs'), ref, date) ?? {
      errorType: 'coding.pcs-unsupported' as const,
      message: `${r.code} is not supported by the operative or procedure documentation.`,
      citation: citationFor('coding.pcs-unsupported'),
    };
    procFindings.push(finding('extra', `Procedure ${r.code}`, d.message, -POINTS.extra, 0, { diagnosis: d }));
  });

  // --- Sequencing: etiology before manifestation ("code first", OCG I.A.13); principal procedure first (UHDDS).
  // The component applies when the key has two or more required procedures or a "code first" pair; it is earned
  // when every such check holds in the learner's list (codes left out earn nothing here either).
  const requiredProcs = answer.procedures.filter((p) => !p.optional);
  let sequencingApplies = false;
  let sequencingOk = true;
  if (requiredProcs.length >= 2) {
    sequencingApplies = true;
    const principal = requiredProcs[0]!;
    const first = learnerProcs[0];
    const firstOk = first !== undefined && matches(first.code, principal.code, principal.alternatives);
    if (!firstOk) sequencingOk = false;
    const reportedElsewhere = learnerProcs.some((p, i) => i > 0 && matches(p.code, principal.code, principal.alternatives));
    if (first && !firstOk && reportedElsewhere) {
      seqFindings.push(finding('incorrect', 'Principal procedure', `${principal.code} is the principal procedure (performed for definitive treatment and most related to the principal diagnosis); list it first, before ${first.code}.`, 0, 0, { errorType: 'coding.principal-procedure-order' }));
    }
  }
  if (ref) {
    const codeFirstNotes = (code: string) => ref.partners(code).filter((p) => p.kind === 'codeFirst');
    /** Position of a manifestation whose etiology is listed after it, or none ("code first" is met by any listed etiology before it). */
    const orderProblems = (list: readonly string[]) =>
      list.flatMap((code, i) => {
        const notes = codeFirstNotes(code);
        if (notes.length === 0) return [];
        if (list.slice(0, i).some((c) => notes.some((n) => n.matches(c)))) return [];
        const later = list.slice(i + 1).find((c) => notes.some((n) => n.matches(c)));
        const note = later ? notes.find((n) => n.matches(later)) : undefined;
        return later && note ? [{ code, later, note }] : [];
      });
    const keyDx = [answer.pdx, ...answer.sdx.filter((s) => !s.optional).map((s) => s.code)];
    const keyPairs = keyDx.flatMap((code, i) => (codeFirstNotes(code).some((n) => keyDx.slice(0, i).some((c) => n.matches(c))) ? [code] : []));
    if (keyPairs.length > 0) {
      sequencingApplies = true;
      for (const manifestation of keyPairs) {
        const at = reportedDx.indexOf(manifestation);
        if (at < 0 || !codeFirstNotes(manifestation).some((n) => reportedDx.slice(0, at).some((c) => n.matches(c)))) sequencingOk = false;
      }
    }
    for (const problem of orderProblems(reportedDx)) {
      sequencingOk = false;
      seqFindings.push(
        finding('incorrect', `Sequencing ${show(problem.code)} / ${show(problem.later)}`, `${show(problem.code)} carries the note "Code first ${problem.note.text}" (at ${showLevel(problem.note.level)}, ICD-10-CM Tabular List ${problem.note.edition} edition): ${show(problem.later)} must come before it.`, 0, 0, {
          errorType: 'coding.code-first-order',
          citation: { source: OCG, section: 'I.A.13', text: `"Code first" note at ${showLevel(problem.note.level)} (${problem.note.edition} tabular edition)` },
        }),
      );
    }
  }
  if (sequencingApplies) {
    seqFindings.push(
      finding(sequencingOk ? 'correct' : 'incorrect', 'Sequencing', sequencingOk ? 'The codes are in the right order.' : 'The sequence is incomplete or out of order: principal procedure first, and each etiology before its manifestation ("code first").', sequencingOk ? POINTS.sequencing : 0, POINTS.sequencing, {
        citation: { source: OCG, section: 'I.A.13; Section II', text: 'Etiology before manifestation; principal diagnosis and procedure first' },
      }),
    );
  }

  // --- The MS-DRG the learner's codes group to, against the key's (MS-DRG v43).
  const drgFindings: Finding[] = [];
  if (ctx.grouper && scenario) {
    const optionalReported = new Set<string>();
    for (const s of answer.sdx) if (s.optional && learnerSdx.some((r) => matches(r.code, s.code, s.alternatives))) optionalReported.add(s.code);
    for (const p of answer.procedures) if (p.optional && learnerProcs.some((r) => matches(r.code, p.code, p.alternatives))) optionalReported.add(p.code);
    const keyGroup = safeGroup(ctx.grouper, scenario, keyClaimCodes(answer, optionalReported));
    const mine = learnerGroup;
    if (keyGroup && !mine) {
      drgFindings.push(finding('incorrect', 'MS-DRG', `Without a valid principal diagnosis the case cannot be grouped; the record supports ${drgLabel(keyGroup)}.`, 0, POINTS.drg, { errorType: 'coding.drg-mismatch' }));
    }
    if (keyGroup && mine) {
      if (keyGroup.drg === mine.drg) {
        drgFindings.push(finding('correct', 'MS-DRG', `Your codes group to ${drgLabel(mine)}, the same as the key.`, POINTS.drg, POINTS.drg, { citation: { source: MSDRG, section: 'Grouping logic' } }));
      } else {
        const causes: string[] = [];
        if (keyGroup.mdc !== mine.mdc) causes.push(`the principal diagnosis puts the case in MDC ${mine.mdc} instead of MDC ${keyGroup.mdc} (${keyGroup.mdcTitle})`);
        if (keyGroup.medSurg !== mine.medSurg) causes.push(keyGroup.medSurg === 'SURGICAL' ? 'the O.R. procedure that makes it surgical is missing or different' : 'a reported procedure made it surgical');
        if (keyGroup.severity !== mine.severity) {
          const level = (r: GroupResult) => (r.severity === 'NON_CC' || r.severity === 'NONE' ? 'without CC/MCC' : r.severity);
          const mineBy = severitySetter(mine);
          const keyBy = severitySetter(keyGroup);
          causes.push(`the severity level is ${level(mine)}${mineBy ? ` (set by ${mineBy})` : ''} instead of ${level(keyGroup)}${keyBy ? ` (set by ${keyBy})` : ''}`);
        }
        drgFindings.push(
          finding('incorrect', 'MS-DRG', `Your codes group to ${drgLabel(mine)}; the record supports ${drgLabel(keyGroup)}${causes.length ? `: ${causes.join('; ')}` : ''}. The DRG is a check on the codes, never a target.`, 0, POINTS.drg, { errorType: 'coding.drg-mismatch' }),
        );
      }
    }
  }

  findings.push(...pdxFindings, ...sdxFindings, ...extraFindings, ...procFindings, ...seqFindings, ...drgFindings);
  const maxScore = findings.reduce((sum, f) => sum + f.maxPoints, 0);
  const raw = findings.reduce((sum, f) => sum + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, raw)), maxScore, findings };
}

/** A tabular note's level for display: a code with its dot, a block ("J09-J18") or a chapter as is. */
function showLevel(level: string): string {
  return /^[A-Z][0-9][0-9A-Z][0-9A-Z]*$/.test(level) ? formatDiagnosisCode(level) : level;
}

/** The secondary that set a grouping's severity (for explanations). */
function severitySetter(result: GroupResult): string | undefined {
  const s = result.secondaries.find((x) => x.usage === 'MCC') ?? result.secondaries.find((x) => x.usage === 'CC');
  return s ? formatDiagnosisCode(s.code) : undefined;
}

function safeGroup(grouper: GrouperService, scenario: Scenario, codes: ClaimCodes): GroupResult | undefined {
  try {
    return grouper.group(claimForScenario(scenario, codes));
  } catch {
    return undefined;
  }
}

/** Every error type the coding step can record (for the review features and docs/scoring.md). */
export const CODING_STEP_ERROR_TYPES = Object.keys(CODING_ERROR_TYPES).filter((k) => k.startsWith('coding.'));

export const codingTask: TaskType<unknown, CodingAnswer, CodingResponse> = {
  id: 'coding',
  module: 'coding',
  label: 'Code the record (ICD-10-CM / ICD-10-PCS)',
  inputSchema: v.optional(v.unknown()),
  answerSchema: codingAnswerSchema,
  responseSchema: codingResponseSchema,
  emptyResponse: () => ({ pdx: '', sdx: [], procedures: [] }),
  checkAnswer: checkCodingAnswer,
  isResponseComplete: (r) => looksLikeDiagnosisCode(r.pdx),
  score: (response, answer, scenario, services) => scoreCoding(response, answer, { scenario, services }),
};

export type { PoaIndicator };
