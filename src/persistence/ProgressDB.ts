/**
 * IndexedDB schema (Dexie). Several students can share one computer, so everything is keyed by profile.
 *
 * Versions (never edit an old one; add a new version with an upgrade):
 *  1. profiles, attempts, caseProgress, settings.
 *  2. attempts gain `module` and `percent` (indexed, for dashboards and the instructor view), filled in
 *     for existing attempts by the upgrade; caseProgress gains `module`.
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

export const DB_NAME = 'him-sim';

export class ProgressDB extends Dexie {
  profiles!: EntityTable<Profile, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  caseProgress!: EntityTable<CaseProgress, 'key'>;
  settings!: EntityTable<Setting, 'key'>;

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
  }
}

/** Version-1 attempts had no module; scenario ids start with it by convention (e.g. "coding-..."). */
export function moduleFromScenarioId(scenarioId: string): string {
  return scenarioId.split('-')[0] ?? 'unknown';
}
