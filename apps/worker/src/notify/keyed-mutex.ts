// One at a time per key within this process. The notify jobs of one person (a burst from one
// sender) run their record-and-decide steps in turn, so each sees the notices the one before it
// recorded and the digest rule holds under concurrency (concurrent statements cannot see each
// other's rows: 32 jobs at once would otherwise all count "fewer than 3 recent" and all send).
export interface KeyedMutex {
  run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
}

export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<void>>();
  async function lockOne(key: string): Promise<() => void> {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    };
  }
  return {
    async run(keys, work) {
      // Sorted, so two jobs that share several keys cannot wait on each other in a circle.
      const releases: (() => void)[] = [];
      for (const key of [...new Set(keys)].sort()) releases.push(await lockOne(key));
      try {
        return await work();
      } finally {
        for (const release of releases.reverse()) release();
      }
    },
  };
}
