/** A deterministic pseudo-random source: the same seed always yields the same sequence. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * mulberry32, a 32-bit generator with a full 2^32 period: more than enough for synthetic
 * source files, and small enough to carry no dependency. `stream` derives an independent
 * sequence from the same seed (e.g. one per generated file, so file N is the same whatever
 * the repository size).
 */
export function seededRandom(seed: number, stream = 0): SeededRandom {
  // 0x9e3779b9 is the golden-ratio constant commonly used to spread consecutive integers apart.
  let state = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (p: number): boolean => next() < p,
  };
}

/** One value of `weights`, each as likely as its weight. */
export function pickWeighted<T>(rng: SeededRandom, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** Between `min` and `max` distinct items of `items`. */
export function pickSome<T>(rng: SeededRandom, items: readonly T[], min: number, max: number): T[] {
  const chosen = new Set<T>();
  const count = rng.int(min, max);
  while (chosen.size < count) chosen.add(rng.pick(items));
  return [...chosen];
}
