// A fixed fuzz corpus: the parser's fuzz generator sampled with a given seed (the same seed gives
// the same bytes), plus its hand-made hostile messages, each with a name to report it by.
import fc from "fast-check";
import { fuzzArbitraries } from "./fuzz-arbitraries.js";
import { type HostileMessage, hostileMessages } from "./hostile-messages.js";

export interface FuzzCorpusOptions {
  seed: number;
  /** How many of each generated shape (random bytes, mail-like text, truncated NDRs). */
  perShape: number;
  fixtures: readonly Uint8Array[];
}

export function fuzzCorpus({ seed, perShape, fixtures }: FuzzCorpusOptions): HostileMessage[] {
  const shapes = fuzzArbitraries(fixtures);
  const sampled = (Object.keys(shapes) as (keyof typeof shapes)[]).flatMap((shape, n) =>
    fc
      // Without fast-check's bias towards small values: sampled once, small would mean mostly empty.
      .sample(fc.noBias(shapes[shape] as fc.Arbitrary<Uint8Array | string>), { seed: seed + n, numRuns: perShape })
      .map((value, index) => ({ name: `${shape} #${index}`, bytes: Buffer.from(value) })),
  );
  return [...sampled, ...hostileMessages()];
}
