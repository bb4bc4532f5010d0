// UID set arithmetic for sync passes: which server UIDs are not stored yet, and how to cut them
// into batches written as compact IMAP sequence sets (RFC 3501 9, "sequence-set"). Pure.
/** UIDs present on the server and absent from `known`, ascending. */
export function missingUids(serverUids: Iterable<number>, known: ReadonlySet<number>): number[] {
  const missing: number[] = [];
  for (const uid of serverUids) if (!known.has(uid)) missing.push(uid);
  return missing.sort((a, b) => a - b);
}

/** Split ascending UIDs into batches of at most `size`. */
export function chunkUids(uids: readonly number[], size: number): number[][] {
  const batches: number[][] = [];
  for (let start = 0; start < uids.length; start += size) batches.push(uids.slice(start, start + size));
  return batches;
}

/** `[1,2,3,5,7,8]` -> `"1:3,5,7:8"`: keeps FETCH/MOVE command lines short for big batches. */
export function toSequenceSet(uids: readonly number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  let index = 0;
  while (index < sorted.length) {
    const first = sorted[index]!;
    let last = first;
    while (index + 1 < sorted.length && sorted[index + 1]! <= last + 1) last = sorted[++index]!;
    parts.push(first === last ? String(first) : `${first}:${last}`);
    index++;
  }
  return parts.join(",");
}
