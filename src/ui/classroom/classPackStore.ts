/** Loads the stored class packs and validates them against the task registry (on every start-up). */
import { validatePack } from '../../domain/classroom/classPack';
import { taskTypes } from '../../domain/tasks/registry';
import type { LoadedScenario } from '../../content/validateScenario';
import type { ClassPack, ProgressDB } from '../../persistence/ProgressDB';
import { listClassPacks } from '../../persistence/classroomRepo';

export interface LoadedPack {
  pack: Pick<ClassPack, 'id' | 'name' | 'loadedAt'>;
  items: LoadedScenario[];
}

/** Ids of valid scenarios, for the uniqueness check against the bundled set. */
export function validIds(items: readonly LoadedScenario[]): Set<string> {
  return new Set(items.flatMap((s) => (s.ok ? [s.scenario.id] : [])));
}

export function validateStoredPack(pack: ClassPack, taken: ReadonlySet<string>): LoadedPack {
  return { pack: { id: pack.id, name: pack.name, loadedAt: pack.loadedAt }, items: validatePack(pack.files, taken, { taskTypes }) };
}

/** Every stored pack, validated; a pack's ids may not clash with the bundled cases or an earlier pack. */
export async function loadPacks(db: ProgressDB, bundled: readonly LoadedScenario[]): Promise<LoadedPack[]> {
  const taken = validIds(bundled);
  const out: LoadedPack[] = [];
  for (const pack of await listClassPacks(db)) {
    const loaded = validateStoredPack(pack, taken);
    validIds(loaded.items).forEach((id) => taken.add(id));
    out.push(loaded);
  }
  return out;
}
