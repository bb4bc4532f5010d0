// Pairwise precision and recall of "same incident": how hidden scenarios judge the grouping.

export function pairwise(
  expected: readonly (string | null)[],
  actual: readonly (string | null)[],
): { precision: number; recall: number } {
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
