/**
 * IndexedDB schema (Dexie). Several students can share one computer, so everything is keyed by profile.
 *
 * Versions (never edit an old one; add a new version with an upgrade):
 *  1. profiles, attempts, caseProgress, settings.
 *  2. attempts gain `module` and `percent` (indexed, for dashboards and the instructor view), filled in
 *     for existing attempts by the upgrade; caseProgress gains `module`.
 *  3. Game and classroom (issue 10): shifts (persisted shift-machine snapshots), reviewLogs (answered review
 *     drills), classPacks (instructor-loaded scenario files) and rosterStudents (progress files an instructor
 *     imported). New tables only; the upgrade stamps existing attempts without an origin as "local".
 */
import Dexie, { type EntityTable } from 'dexie';
import type { StepResult } from '../domain/tasks/taskTypes';

export interface Profile {
  id: string;
  name: string;
  createdAt: number;
  lastActiveAt: number;
}

export interface Attempt {
  id: string;
  profileId: string;
  scenarioId: string;
  scenarioHash: string;
  module: string;
  title: string;
  startedAt: number;
  finishedAt: number;
  /** Active time on task (ms). */
  durationMs: number;
  score: number;
  maxScore: number;
  percent: number;
  results: StepResult[];
  errorTypes: Record<string, number>;
  /** Where the attempt came from: this device, or an imported progress file. */
  origin?: string;
}

export interface CaseProgress {
  /** `${profileId}|${scenarioId}` */
  key: string;
  profileId: string;
  scenarioId: string;
  scenarioHash: string;
  module: string;
  /** The XState persisted snapshot of the case machine (JSON). */
  snapshot: unknown;
  updatedAt: number;
  startedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** A shift in progress or finished (issue 10 §1). The machine snapshot is the whole truth of a running shift. */
export interface ShiftRecord {
  id: string;
  profileId: string;
  status: 'running' | 'ended';
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** XState persisted snapshot of the shift machine (JSON). */
  snapshot: unknown;
  /** The end-of-shift evaluation (JSON), once ended. */
  summary?: unknown;
}

/** One answered review drill (issue 10 §4); the FSRS schedule is replayed from these and the attempts. */
export interface ReviewLog {
  id: string;
  profileId: string;
  errorType: string;
  drillKind: string;
  answeredAt: number;
  correct: boolean;
}

/** A class pack loaded by an instructor: its scenario files as text (validated on every load). */
export interface ClassPack {
  id: string;
  name: string;
  loadedAt: number;
  files: { file: string; text: string }[];
}

/** A student whose progress file(s) an instructor imported (the instructor view reads these). */
export interface RosterStudent {
  /** The student's profile id on their own device. */
  id: string;
  name: string;
  importedAt: number;
  attempts: Attempt[];
  reviewLogs: ReviewLog[];
  /** Imported files (checksum, when), so a re-import of the same file is recognised. */
  files: { checksum: string; exportedAt: number; importedAt: number }[];
}

export const DB_NAME = 'him-sim';

export class ProgressDB extends Dexie {
  profiles!: EntityTable<Profile, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  caseProgress!: EntityTable<CaseProgress, 'key'>;
  settings!: EntityTable<Setting, 'key'>;
  shifts!: EntityTable<ShiftRecord, 'id'>;
  reviewLogs!: EntityTable<ReviewLog, 'id'>;
  classPacks!: EntityTable<ClassPack, 'id'>;
  rosterStudents!: EntityTable<RosterStudent, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      profiles: 'id, name',
      attempts: 'id, profileId, scenarioId, finishedAt',
      caseProgress: 'key, profileId, scenarioId, updatedAt',
      settings: 'key',
    });
    this.version(2)
      .stores({
        attempts: 'id, profileId, scenarioId, finishedAt, module, [profileId+module]',
        caseProgress: 'key, profileId, scenarioId, updatedAt, module',
      })
      .upgrade(async (tx) => {
        await tx
          .table('attempts')
          .toCollection()
          .modify((a: Partial<Attempt> & { scenarioId: string; score: number; maxScore: number }) => {
            a.module ??= moduleFromScenarioId(a.scenarioId);
            a.percent ??= a.maxScore > 0 ? Math.round((a.score / a.maxScore) * 1000) / 10 : 0;
          });
        await tx
          .table('caseProgress')
          .toCollection()
          .modify((p: Partial<CaseProgress> & { scenarioId: string }) => {
            p.module ??= moduleFromScenarioId(p.scenarioId);
          });
      });
    this.version(3)
      .stores({
        shifts: 'id, profileId, status, updatedAt',
        reviewLogs: 'id, profileId, errorType, answeredAt',
        classPacks: 'id, loadedAt',
        rosterStudents: 'id, name',
      })
      .upgrade(async (tx) => {
        await tx
          .table('attempts')
          .toCollection()
          .modify((a: Partial<Attempt>) => {
            a.origin ??= 'local';
          });
      });
  }
}

/** Version-1 attempts had no module; scenario ids start with it by convention (e.g. "coding-..."). */
export function moduleFromScenarioId(scenarioId: string): string {
  return scenarioId.split('-')[0] ?? 'unknown';
}
