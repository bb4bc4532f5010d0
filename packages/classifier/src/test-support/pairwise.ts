// Pairwise precision, recall and F1 of "same incident": how hidden scenarios judge the grouping.
// A pair counts when both messages should share an incident (expected) or were put in one (actual).

export interface PairwiseScore {
  precision: number;
  recall: number;
}

export function pairwise(expected: readonly (string | null)[], actual: readonly (string | null)[]): PairwiseScore {
  let truePairs = 0;
  let predicted = 0;
  let wanted = 0;
  for (let i = 0; i < expected.length; i++) {
    for (let j = i + 1; j < expected.length; j++) {
      const same = expected[i] !== null && expected[i] === expected[j];
      const guessed = actual[i] !== null && actual[i] === actual[j];
      if (same) wanted++;
      if (guessed) predicted++;
      if (same && guessed) truePairs++;
    }
  }
  return { precision: predicted ? truePairs / predicted : 1, recall: wanted ? truePairs / wanted : 1 };
}

/** The harmonic mean of precision and recall (0 when both are 0). */
export function f1(score: PairwiseScore): number {
  const sum = score.precision + score.recall;
  return sum ? (2 * score.precision * score.recall) / sum : 0;
}
