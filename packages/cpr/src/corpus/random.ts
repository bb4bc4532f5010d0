// Seeded pseudo-random numbers (mulberry32) for the generated test sets and the benchmark text.
// Deterministic on purpose: a failing sample can be reproduced from its seed and index.

export interface Random {
  /** 0 <= n < 1 */
  next(): number;
  /** integer 0 <= n < max */
  int(max: number): number;
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  digits(count: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: (items) => items[int(items.length)]!,
    chance: (probability) => next() < probability,
    digits: (count) => {
      let out = "";
      for (let i = 0; i < count; i++) out += String(int(10));
      return out;
    },
  };
}
