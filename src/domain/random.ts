/**
 * Seeded pseudo-random numbers (mulberry32) for every generator (MPI, ROI requests, access logs, shifts,
 * drills, fuzz tests): the same seed gives the same data, and so the same computed answer key, on every
 * machine (scenario keys must be reproducible).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG returning floats in [0, 1); deterministic across platforms. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wraps a [0, 1) source with the helpers generators need. */
export function randomHelpers(next: () => number): Random {
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(next() * list.length)] as T;
    },
    chance: (p) => next() < p,
  };
}

/** Creates a seeded generator with helpers (mulberry32; a zero seed is replaced so it still varies). */
export function seededRandom(seed: number): Random {
  return randomHelpers(mulberry32(seed >>> 0 || 0x9e3779b9));
}
