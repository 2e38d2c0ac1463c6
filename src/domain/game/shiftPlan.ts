/**
 * Plans a shift (issue 10 §1): an inbox that mixes tasks from every module that has cases, for a handful
 * of patients, where each patient's record flows through the HIM lifecycle in order (admission/ADT → MPI →
 * transcription → coding → DRG → abstracting → completeness → query → release of information → audit), and
 * a STAT interruption. Pure and seeded, so a shift can be replayed and tested.
 *
 * Nothing here names a particular scenario or task type: it reads the scenarios it is given (validated
 * against the task registry), so a new module's cases join the shift without changes to this file.
 */

import { mulberry32 as seededRandom } from '../random';

/** What the planner needs to know about a playable scenario. */
export interface ShiftScenario {
  id: string;
  title: string;
  module: string;
  difficulty: number;
  /** The case's standard time in real minutes (scenario `estimatedMinutes`). */
  estimatedMinutes: number;
  mrn: string;
  patientName: string;
}

export type ItemStatus = 'waiting' | 'ready' | 'working' | 'done';

export interface ShiftItem {
  id: string;
  scenarioId: string;
  title: string;
  module: string;
  /** Same patient = same record (MRN). */
  patientKey: string;
  patientLabel: string;
  /** Position in the HIM lifecycle (LIFECYCLE index; unknown modules come last). */
  stage: number;
  /** Standard time for this item in game minutes (estimatedMinutes × clock speed). */
  standardMinutes: number;
  difficulty: number;
  /** The previous lifecycle item for this patient, which must be done first. */
  dependsOn: string | null;
  priority: 'routine' | 'stat';
  /** Game minute it arrived in the inbox. */
  arrivedAt: number;
  /** Game minute by which a STAT item is due. */
  dueAt: number | null;
  status: ItemStatus;
  attemptId: string | null;
  percent: number | null;
  /** Game minutes when work first started and when it was finished. */
  startedAt: number | null;
  completedAt: number | null;
}

export interface Interruption {
  id: string;
  /** Game minute it fires. */
  at: number;
  kind: 'stat-request';
  message: string;
  /** A new item that arrives with the interruption, or an inbox item it escalates to STAT. */
  item: ShiftItem | null;
  escalateItemId: string | null;
  dueInMinutes: number;
  delivered: boolean;
}

export interface ShiftPlan {
  items: ShiftItem[];
  interruptions: Interruption[];
  /** Modules with cases in this shift, in lifecycle order. */
  modules: string[];
  /** Registered modules that have no playable case yet (shown to the learner, not an error). */
  modulesWithoutCases: string[];
}

export interface PlanOptions {
  /** How many patients' records to put in the inbox (more are added only to cover every module). */
  patients?: number;
  /** Upper bound on inbox items, so a shift stays playable. */
  maxItems?: number;
  lengthMinutes: number;
  /** Game minutes per real minute. */
  speed: number;
  seed: number;
  /** Every module that has a registered task type (from the task registry). */
  registeredModules?: readonly string[];
  /** Game minutes a STAT request gives the learner (a facility policy, typically within the hour). */
  statDueInMinutes?: number;
}

/** The HIM record lifecycle, in the order a record moves through the department (product.md "Shift mode"). */
export const LIFECYCLE = ['adt', 'mpi', 'transcription', 'coding', 'drg', 'abstracting', 'completeness', 'query', 'roi', 'audit'] as const;

/** Lifecycle position of a module; modules the ladder does not know yet go last (and still play). */
export function lifecycleStage(module: string): number {
  const i = (LIFECYCLE as readonly string[]).indexOf(module);
  return i >= 0 ? i : LIFECYCLE.length;
}

/** Mulberry32 (src/domain/random.ts), so the same seed plans the same shift. */
export { seededRandom };

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function toItem(s: ShiftScenario, id: string, speed: number): ShiftItem {
  return {
    id,
    scenarioId: s.id,
    title: s.title,
    module: s.module,
    patientKey: s.mrn,
    patientLabel: s.patientName,
    stage: lifecycleStage(s.module),
    standardMinutes: Math.round(s.estimatedMinutes * speed),
    difficulty: s.difficulty,
    dependsOn: null,
    priority: 'routine',
    arrivedAt: 0,
    dueAt: null,
    status: 'ready',
    attemptId: null,
    percent: null,
    startedAt: null,
    completedAt: null,
  };
}

/**
 * Plans the inbox: picks the patients whose records span the most modules, then adds patients until every
 * module with cases is covered (within maxItems); orders each patient's items by lifecycle stage and chains
 * them (a record is coded only after it is admitted and indexed...). One STAT request arrives between 25%
 * and 40% into the shift: a release-of-information case that is not in the inbox if there is one
 * (continuing care in the ED), otherwise it escalates an inbox item.
 */
export function planShift(scenarios: readonly ShiftScenario[], options: PlanOptions): ShiftPlan {
  const random = seededRandom(options.seed);
  const maxItems = options.maxItems ?? 8;
  const byPatient = new Map<string, ShiftScenario[]>();
  for (const s of scenarios) byPatient.set(s.mrn, [...(byPatient.get(s.mrn) ?? []), s]);
  // Within a patient, one case per module (the lifecycle has one step per function).
  const patients = shuffled([...byPatient.values()], random)
    .map((cases) => [...new Map(shuffled(cases, random).map((c) => [c.module, c])).values()].sort((a, b) => lifecycleStage(a.module) - lifecycleStage(b.module)))
    .sort((a, b) => b.length - a.length);

  const chosen: ShiftScenario[][] = [];
  const covered = new Set<string>();
  const count = () => chosen.reduce((n, p) => n + p.length, 0);
  for (const p of patients) {
    if (chosen.length >= (options.patients ?? 3) || count() + p.length > maxItems) continue;
    chosen.push(p);
    p.forEach((c) => covered.add(c.module));
  }
  for (const p of patients) {
    if (chosen.includes(p)) continue;
    const adds = p.filter((c) => !covered.has(c.module));
    if (adds.length === 0 || count() + adds.length > maxItems) continue;
    chosen.push(adds);
    adds.forEach((c) => covered.add(c.module));
  }

  const items: ShiftItem[] = [];
  const queues = chosen.map((cases) => [...cases]);
  // Interleave patients so the inbox mixes functions, as a real work queue does.
  let n = 0;
  while (queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const s = q.shift();
      if (!s) continue;
      const previous = [...items].reverse().find((i) => i.patientKey === s.mrn) ?? null;
      const item = toItem(s, `item-${++n}`, options.speed);
      item.dependsOn = previous?.id ?? null;
      item.status = previous ? 'waiting' : 'ready';
      items.push(item);
    }
  }

  const used = new Set(items.map((i) => i.scenarioId));
  const dueIn = options.statDueInMinutes ?? 60;
  const at = Math.round(options.lengthMinutes * (0.25 + random() * 0.15));
  const unusedRoi = shuffled(
    scenarios.filter((s) => s.module === 'roi' && !used.has(s.id)),
    random,
  )[0];
  const interruptions: Interruption[] = [];
  if (unusedRoi) {
    const item = { ...toItem(unusedRoi, `item-${n + 1}`, options.speed), priority: 'stat' as const };
    interruptions.push({
      id: 'stat-1',
      at,
      kind: 'stat-request',
      message: `STAT request from the Emergency Department: ${unusedRoi.patientName} is in the ED and the physician needs records for continuing care. Work “${unusedRoi.title}” now.`,
      item,
      escalateItemId: null,
      dueInMinutes: dueIn,
      delivered: false,
    });
  } else {
    const target = [...items].sort((a, b) => b.stage - a.stage)[0];
    if (target) {
      interruptions.push({
        id: 'stat-1',
        at,
        kind: 'stat-request',
        message: `STAT request from the Emergency Department: ${target.patientLabel} is back in the ED and the physician needs the complete record. Finish “${target.title}” (and anything before it) first.`,
        item: null,
        escalateItemId: target.id,
        dueInMinutes: dueIn,
        delivered: false,
      });
    }
  }

  const modules = [...new Set(items.map((i) => i.module))].sort((a, b) => lifecycleStage(a) - lifecycleStage(b));
  const withCases = new Set(scenarios.map((s) => s.module));
  const modulesWithoutCases = [...new Set(options.registeredModules ?? [])].filter((m) => m !== 'any' && !withCases.has(m)).sort();
  return { items, interruptions, modules, modulesWithoutCases };
}
