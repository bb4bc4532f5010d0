// A seeded random source (mulberry32), so a chaos run that failed can be replayed from the seed it
// printed: the same seed gives the same fault order, moments and outage lengths.

export type Random = () => number;

export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed from the environment (RELIABILITY_SEED) or a fresh one. */
export function chooseSeed(fromEnv: string | undefined): number {
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv) >>> 0;
  return Math.floor(Math.random() * 4_294_967_296) >>> 0;
}
