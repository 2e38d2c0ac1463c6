/**
 * The task types of the mpi module, registered in src/domain/tasks/registry.ts:
 * - "mpi-retrieve": find the right patient's record for a physician's or clinic's request;
 * - "mpi-duplicates": work a list of suspected pairs (merge, leave apart, flag an overlay, link an overlap).
 * Both keys come from the seeded generator's ground truth (him-rules.md section 6).
 */
import * as v from 'valibot';
import type { Scenario } from '../../content/scenarioSchema';
import type { AnyTaskType, AuthoringProblem, Citation, Finding, TaskType } from '../tasks/taskTypes';
import { DEFAULT_MPI_SIZE, getMpi, RETRIEVAL_CASES } from './generator';
import { compareDemographics, type MatchResult } from './match';
import type { Mpi, MpiRecord, PairAction, PairKind, RetrievalCase } from './types';

const MPI_SOURCE = 'him-rules.md section 6 (AHIMA MPI practice briefs)';
const cite = (section: string, text: string): Citation => ({ source: MPI_SOURCE, section, text });

const mpiSize = v.optional(v.pipe(v.number('size is a number of patients'), v.integer(), v.minValue(500, 'an MPI needs at least 500 rows'), v.maxValue(20000, 'at most 20,000 rows')), DEFAULT_MPI_SIZE);
const mpiSeed = v.pipe(v.number('seed is a whole number'), v.integer('seed is a whole number'), v.minValue(0, 'seed is 0 or more'));

// ---------------------------------------------------------------------------------------------------
// mpi-retrieve

export const retrieveInputSchema = v.object({
  seed: mpiSeed,
  size: mpiSize,
  case: v.pipe(v.number('case is a number'), v.integer(), v.minValue(1, 'cases are numbered from 1'), v.maxValue(RETRIEVAL_CASES, `cases are numbered 1-${RETRIEVAL_CASES}`)),
  /** The chart document holding the request (fax, referral); checked to name the same patient. */
  requestDocumentId: v.optional(v.string()),
});
export type RetrieveInput = v.InferOutput<typeof retrieveInputSchema>;

const rowRef = v.object({ rowId: v.string(), mrn: v.string(), name: v.string(), dob: v.string(), why: v.optional(v.string()) });

export const retrieveAnswerSchema = v.object({
  caseId: v.string(),
  kind: v.string(),
  target: rowRef,
  samePerson: v.array(rowRef),
  lookalikes: v.array(rowRef),
});
export type RetrieveAnswer = v.InferOutput<typeof retrieveAnswerSchema>;

export const retrieveResponseSchema = v.object({
  selectedRowId: v.string(),
  reportedDuplicateRowIds: v.array(v.string()),
});
export type RetrieveResponse = v.InferOutput<typeof retrieveResponseSchema>;

function displayName(r: MpiRecord): string {
  return `${r.family.toUpperCase()}, ${r.given}${r.middle ? ` ${r.middle}` : ''}${r.suffix ? ` ${r.suffix}` : ''}`;
}

function ref(r: MpiRecord, why?: string): v.InferOutput<typeof rowRef> {
  return { rowId: r.rowId, mrn: r.mrn, name: displayName(r), dob: r.dob, ...(why ? { why } : {}) };
}

/** Names what separates two rows, e.g. "date of birth 1951-02-03 vs 1978-06-10" (MPI-C4/C5). */
export function distinguishingFields(match: MatchResult): string {
  const parts = match.fields.filter((f) => f.level === 'disagree' || f.level === 'partial').map((f) => `${f.label.toLowerCase()} ${f.a || '(blank)'} vs ${f.b || '(blank)'}`);
  return parts.join('; ') || 'no field differs; check the source documents';
}

/** The retrieval case a step uses, from the generator (MPI exercises are keyed from truth). */
export function retrievalCase(input: RetrieveInput): { mpi: Mpi; request: RetrievalCase } {
  const mpi = getMpi(input.seed, input.size);
  const request = mpi.retrievals[input.case - 1];
  if (!request) throw new Error(`seed ${input.seed} has only ${mpi.retrievals.length} retrieval cases`);
  return { mpi, request };
}

/**
 * Key of "mpi-retrieve": the requested person's record (from ground truth), any unmerged duplicate of
 * the same person (MPI-D1) and the look-alikes a careless search picks (twins MPI-C4, Jr/Sr MPI-C5).
 */
export function computeRetrieveKey(input: RetrieveInput): RetrieveAnswer {
  const { mpi, request } = retrievalCase(input);
  const byRow = new Map(mpi.records.map((r) => [r.rowId, r]));
  const target = byRow.get(request.targetRowId)!;
  return {
    caseId: request.id,
    kind: request.kind,
    target: ref(target),
    samePerson: request.samePersonRowIds.map((id) => ref(byRow.get(id)!, 'the same person registered again (an unmerged duplicate)')),
    lookalikes: request.lookalikeRowIds.map((id) => {
      const other = byRow.get(id)!;
      return ref(other, distinguishingFields(compareDemographics(target, other)));
    }),
  };
}

/** Checks that the request document in the chart names the generated patient (authoring aid). */
export function checkRetrieveAnswer(_key: RetrieveAnswer, scenario: Scenario, input: RetrieveInput): AuthoringProblem[] {
  if (!input.requestDocumentId) return [];
  const doc = scenario.chart.find((d) => d.id === input.requestDocumentId);
  if (!doc) return [{ path: '', message: `input.requestDocumentId "${input.requestDocumentId}" is not a chart document id` }];
  const { request } = retrievalCase(input);
  const name = request.given.name.replace(/\s*\(.*\)$/, '');
  const dob = `${request.given.dob.slice(5, 7)}/${request.given.dob.slice(8, 10)}/${request.given.dob.slice(0, 4)}`;
  const problems: AuthoringProblem[] = [];
  if (!doc.text.toUpperCase().includes(name.toUpperCase())) problems.push({ path: '', message: `the request document "${doc.id}" does not name the generated patient "${name}"` });
  if (!doc.text.includes(dob)) problems.push({ path: '', message: `the request document "${doc.id}" does not give the generated DOB ${dob}` });
  return problems;
}

/** Scores a retrieval: right person and record (MPI-D1, MPI-C4, MPI-C5); never throws. */
export function scoreRetrieve(response: RetrieveResponse, key: RetrieveAnswer, input?: RetrieveInput): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const evidence = input?.requestDocumentId ? { documentId: input.requestDocumentId, quote: undefined } : undefined;
  const selected = response.selectedRowId;
  const lookalike = key.lookalikes.find((l) => l.rowId === selected);
  const same = key.samePerson.find((l) => l.rowId === selected);
  if (selected === key.target.rowId) {
    findings.push({ outcome: 'correct', subject: 'Record retrieved', message: `${key.target.name}, MRN ${key.target.mrn}, DOB ${key.target.dob} is the patient the request describes.`, points: 3, maxPoints: 3, citation: cite('MPI-1', 'Verify at least two identifiers (name and DOB) plus a third before releasing a record'), evidence });
  } else if (same) {
    findings.push({ outcome: 'partial', errorType: 'mpi.retrieved-duplicate-row', subject: 'Record retrieved', message: `Right person, but MRN ${same.mrn} is a second, unmerged record of ${key.target.name}; the requested encounter is filed under MRN ${key.target.mrn}. Retrieve from both and report the duplicate for merging.`, points: 2, maxPoints: 3, citation: cite('MPI-D1', 'A duplicate is one person with two records in the same MPI; merge after verification'), evidence });
  } else if (lookalike) {
    findings.push({ outcome: 'incorrect', errorType: 'mpi.wrong-patient', subject: 'Record retrieved', message: `Wrong patient: ${lookalike.name} (MRN ${lookalike.mrn}, DOB ${lookalike.dob}) only looks like ${key.target.name} (MRN ${key.target.mrn}, DOB ${key.target.dob}). What tells them apart: ${lookalike.why ?? 'the date of birth'}. Releasing it would be a disclosure of the wrong patient's PHI.`, points: 0, maxPoints: 3, citation: cite(key.kind === 'twins' ? 'MPI-C4' : key.kind === 'jr-sr' ? 'MPI-C5' : 'MPI-C7', 'Look-alike records: verify every identifier, not just the name'), evidence });
  } else {
    findings.push({ outcome: selected ? 'incorrect' : 'missed', errorType: 'mpi.wrong-patient', subject: 'Record retrieved', message: selected ? `That record is not the requested patient. The request matches ${key.target.name}, MRN ${key.target.mrn}, DOB ${key.target.dob}.` : `No record was selected. The request matches ${key.target.name}, MRN ${key.target.mrn}.`, points: 0, maxPoints: 3, citation: cite('MPI-1', 'Search by name, DOB and a third identifier'), evidence });
  }
  const reported = new Set(response.reportedDuplicateRowIds);
  if (key.samePerson.length > 0) {
    const found = key.samePerson.filter((s) => reported.has(s.rowId) || (selected === s.rowId && reported.has(key.target.rowId)));
    const ok = found.length > 0;
    findings.push({ outcome: ok ? 'correct' : 'missed', errorType: ok ? undefined : 'mpi.duplicate-not-reported', subject: 'Duplicate record', message: ok ? `You reported the duplicate (MRN ${found.map((f) => f.mrn).join(', ')}) for merging.` : `${key.target.name} also has MRN ${key.samePerson.map((s) => s.mrn).join(', ')} at this facility: an unmerged duplicate. Report it so the record can be merged (target <= 1% duplicates, DUP-1).`, points: ok ? 1 : 0, maxPoints: 1, citation: cite('MPI-D1', 'Duplicates: merge after verification') });
  }
  const legitimate = new Set([key.target.rowId, ...key.samePerson.map((s) => s.rowId)]);
  for (const id of reported) {
    if (legitimate.has(id)) continue;
    const l = key.lookalikes.find((x) => x.rowId === id);
    findings.push({ outcome: 'extra', errorType: 'mpi.false-duplicate', subject: 'Duplicate record', message: l ? `${l.name} (MRN ${l.mrn}) is a different person (${l.why ?? 'different identifiers'}); reporting it as a duplicate risks a merge that creates an overlay.` : `Row ${id} is not a duplicate of the requested patient.`, points: -0.5, maxPoints: 0, citation: cite('MPI-D2', 'A wrong merge creates an overlay, the most dangerous MPI error') });
  }
  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, raw)), maxScore, findings };
}

export const mpiRetrieveTask: TaskType<RetrieveInput, RetrieveAnswer, RetrieveResponse> = {
  id: 'mpi-retrieve',
  module: 'mpi',
  label: 'Retrieve the right patient record',
  inputSchema: retrieveInputSchema,
  answerSchema: retrieveAnswerSchema,
  responseSchema: retrieveResponseSchema,
  computeKey: (input) => computeRetrieveKey(input),
  checkAnswer: (key, scenario, _services, input) => checkRetrieveAnswer(key, scenario, input),
  emptyResponse: () => ({ selectedRowId: '', reportedDuplicateRowIds: [] }),
  isResponseComplete: (r) => r.selectedRowId !== '',
  score: (response, key, _scenario, _services, input) => {
    const parsed = v.safeParse(retrieveResponseSchema, response);
    if (!parsed.success) return malformed('mpi-retrieve');
    return scoreRetrieve(parsed.output, key, input);
  },
};

// ---------------------------------------------------------------------------------------------------
// mpi-duplicates

export const PAIR_ACTIONS: Record<PairAction, string> = {
  merge: 'Merge (same person, same facility)',
  'leave-apart': 'Leave apart (different people)',
  'flag-overlay': 'Flag overlay (two people on one MRN)',
  link: 'Link across facilities (EMPI overlap)',
};

export const duplicatesInputSchema = v.object({
  seed: mpiSeed,
  size: mpiSize,
  /** Truth pair ids from the generator, e.g. duplicate-4, twins-2, overlay-1, overlap-3, jr-sr-5. */
  pairs: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^(duplicate|overlay|overlap|twins|jr-sr)-\d+$/, 'a pair id is duplicate-N, overlay-N, overlap-N, twins-N or jr-sr-N'))),
    v.minLength(1, 'list at least one pair'),
    v.maxLength(15, 'at most 15 pairs per worklist'),
  ),
});
export type DuplicatesInput = v.InferOutput<typeof duplicatesInputSchema>;

const pairActionSchema = v.picklist(['merge', 'leave-apart', 'flag-overlay', 'link'] as const, 'an action is merge, leave-apart, flag-overlay or link');

export const duplicatesAnswerSchema = v.object({
  items: v.array(
    v.object({
      pairId: v.string(),
      a: v.string(),
      b: v.string(),
      kind: v.string(),
      cause: v.optional(v.string()),
      action: pairActionSchema,
      total: v.number(),
      reason: v.string(),
    }),
  ),
});
export type DuplicatesAnswer = v.InferOutput<typeof duplicatesAnswerSchema>;

export const duplicatesResponseSchema = v.object({
  decisions: v.record(v.string(), v.union([pairActionSchema, v.literal('')])),
});
export type DuplicatesResponse = v.InferOutput<typeof duplicatesResponseSchema>;

const KIND_REASON: Record<PairKind, string> = {
  duplicate: 'one person registered twice at the same facility: a duplicate (MPI-D1); merge after verification',
  overlay: "two different people's data under one MRN: an overlay (MPI-D2); flag it for an urgent split and notify users",
  overlap: 'one person with an MRN at each facility of the enterprise: an overlap (MPI-D3); link the records in the EMPI rather than merging facility records',
  twins: 'twins: same family name, birth date and household, but two people (MPI-C4); leave apart',
  'jr-sr': 'a father and son with the same name and household, a generation apart (MPI-C5); leave apart',
};

const CAUSE_TEXT: Record<string, string> = {
  'transposed-dob': 'transposed birth-date digits (MPI-C1)',
  nickname: 'a nickname (MPI-C2)',
  'married-name': 'a name change at marriage (MPI-C3)',
  'missing-middle': 'a middle name left blank',
  typo: 'a typing slip in a name (MPI-C1)',
  'swapped-names': 'given and family names entered in reverse (MPI-C3)',
};

/** The two rows of a truth pair and their Fellegi-Sunter comparison (for the component and the key). */
export function pairView(mpi: Mpi, pairId: string): { a: MpiRecord; b: MpiRecord; match: MatchResult; kind: PairKind; action: PairAction; cause?: string } | undefined {
  const pair = mpi.pairs.find((p) => p.id === pairId);
  if (!pair) return undefined;
  const a = mpi.records.find((r) => r.rowId === pair.a)!;
  const b = mpi.records.find((r) => r.rowId === pair.b)!;
  return { a, b, kind: pair.kind, action: pair.action, cause: pair.cause, match: compareDemographics(a, b, { mrnA: a.mrn, mrnB: b.mrn }) };
}

/** Key of "mpi-duplicates": the truth action for each listed pair (MPI-D1..D3, MPI-C4, MPI-C5). */
export function computeDuplicatesKey(input: DuplicatesInput): DuplicatesAnswer {
  const mpi = getMpi(input.seed, input.size);
  return {
    items: input.pairs.map((pairId) => {
      const view = pairView(mpi, pairId);
      if (!view) throw new Error(`pair "${pairId}" does not exist for seed ${input.seed} (size ${mpi.records.length})`);
      const reason = `${KIND_REASON[view.kind]}${view.cause ? `; the second registration differs by ${CAUSE_TEXT[view.cause] ?? view.cause}` : ''}.`;
      return { pairId, a: view.a.rowId, b: view.b.rowId, kind: view.kind, ...(view.cause ? { cause: view.cause } : {}), action: view.action, total: Math.round(view.match.total * 10) / 10, reason };
    }),
  };
}

function decisionError(expected: PairAction, given: PairAction): { errorType: string; points: number; why: string } {
  if (expected === 'leave-apart' && given === 'merge') return { errorType: 'mpi.false-merge', points: 0, why: 'Merging two different people creates an overlay, the most dangerous MPI error (MPI-D2).' };
  if (expected === 'merge' && given === 'leave-apart') return { errorType: 'mpi.missed-duplicate', points: 0, why: 'Leaving a duplicate splits the patient’s history across two records (MPI-D1).' };
  if (expected === 'flag-overlay') return { errorType: 'mpi.missed-overlay', points: 0, why: 'Two people share this MRN; only flagging it starts the urgent split (MPI-D2).' };
  if (expected === 'link' && given === 'merge') return { errorType: 'mpi.merged-across-facilities', points: 1, why: 'Right person, but the records belong to two facilities: link them in the EMPI instead of merging (MPI-D3).' };
  if (expected === 'merge' && given === 'link') return { errorType: 'mpi.linked-instead-of-merged', points: 1, why: 'Right person, but both records are at the same facility: merge them (MPI-D1).' };
  if (expected === 'link') return { errorType: 'mpi.missed-overlap', points: 0, why: 'One person at two facilities should be linked in the EMPI (MPI-D3).' };
  return { errorType: 'mpi.wrong-pair-action', points: 0, why: given === 'flag-overlay' ? 'The two rows have different MRNs, so this is not an overlay (MPI-D2 means two people under ONE record).' : 'See the pair’s truth below.' };
}

/** Scores a duplicate worklist pair by pair (2 points each), explaining every decision (MPI-D1..D3). */
export function scoreDuplicates(response: DuplicatesResponse, key: DuplicatesAnswer): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = key.items.map((item, index) => {
    const given = response.decisions[item.pairId] ?? '';
    const subject = `Pair ${index + 1}`;
    const citation = cite(item.kind === 'duplicate' ? 'MPI-D1' : item.kind === 'overlay' ? 'MPI-D2' : item.kind === 'overlap' ? 'MPI-D3' : item.kind === 'twins' ? 'MPI-C4' : 'MPI-C5', 'Duplicate, overlay and overlap definitions');
    if (given === item.action) {
      return { outcome: 'correct', subject, message: `Right: ${PAIR_ACTIONS[item.action]}. This is ${item.reason} (match score ${item.total} bits).`, points: 2, maxPoints: 2, citation };
    }
    if (given === '') {
      return { outcome: 'missed', errorType: 'mpi.pair-undecided', subject, message: `No decision. The answer is ${PAIR_ACTIONS[item.action]}: ${item.reason}`, points: 0, maxPoints: 2, citation };
    }
    const err = decisionError(item.action, given);
    return { outcome: err.points > 0 ? 'partial' : 'incorrect', errorType: err.errorType, subject, message: `You chose ${PAIR_ACTIONS[given]}; the answer is ${PAIR_ACTIONS[item.action]}. ${err.why} Truth: ${item.reason} (match score ${item.total} bits).`, points: err.points, maxPoints: 2, citation };
  });
  return { score: findings.reduce((s, f) => s + f.points, 0), maxScore: findings.length * 2, findings };
}

export const mpiDuplicatesTask: TaskType<DuplicatesInput, DuplicatesAnswer, DuplicatesResponse> = {
  id: 'mpi-duplicates',
  module: 'mpi',
  label: 'Resolve suspected duplicate records',
  inputSchema: duplicatesInputSchema,
  answerSchema: duplicatesAnswerSchema,
  responseSchema: duplicatesResponseSchema,
  computeKey: (input) => computeDuplicatesKey(input),
  emptyResponse: (input) => ({ decisions: Object.fromEntries(input.pairs.map((p) => [p, ''])) }),
  isResponseComplete: (r, input) => input.pairs.every((p) => (r.decisions[p] ?? '') !== ''),
  score: (response, key) => {
    const parsed = v.safeParse(duplicatesResponseSchema, response);
    if (!parsed.success) return malformed('mpi-duplicates');
    return scoreDuplicates(parsed.output, key);
  },
};

function malformed(task: string): { score: number; maxScore: number; findings: Finding[] } {
  return { score: 0, maxScore: 1, findings: [{ outcome: 'incorrect', errorType: 'response.malformed', subject: 'Response', message: `The saved ${task} response could not be read; start the step again.`, points: 0, maxPoints: 1 }] };
}

export const mpiTaskTypes: AnyTaskType[] = [mpiRetrieveTask, mpiDuplicatesTask];
