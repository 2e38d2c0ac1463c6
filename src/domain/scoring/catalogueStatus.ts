/**
 * A case's status in the catalogue (product.md "Catalogue"): new, in progress, or done with the best score.
 */
export interface AttemptLike {
  scenarioId: string;
  percent: number;
  finishedAt: number;
}
export interface ProgressLike {
  scenarioId: string;
  scenarioHash: string;
}

export type CatalogueStatus =
  | { kind: 'new'; label: string }
  | { kind: 'in-progress'; label: string; changed: boolean }
  | { kind: 'done'; label: string; best: number; attempts: number };

/** Derives the status from stored attempts and saved progress (never from a separate counter). */
export function catalogueStatus(
  scenarioId: string,
  scenarioHash: string,
  attempts: readonly AttemptLike[],
  inProgress: readonly ProgressLike[],
): CatalogueStatus {
  const progress = inProgress.find((p) => p.scenarioId === scenarioId);
  if (progress) {
    const changed = progress.scenarioHash !== scenarioHash;
    return { kind: 'in-progress', label: changed ? 'In progress (case file updated since)' : 'In progress', changed };
  }
  const mine = attempts.filter((a) => a.scenarioId === scenarioId);
  if (mine.length === 0) return { kind: 'new', label: 'New' };
  const best = Math.max(...mine.map((a) => a.percent));
  return { kind: 'done', label: `Done: best ${best}%${mine.length > 1 ? ` (${mine.length} attempts)` : ''}`, best, attempts: mine.length };
}
