// Gathers calls made in the same turn of the event loop (the jobs BullMQ hands a worker together,
// the messages one transaction finished) into one call of `runMany`: one round trip, not one each.
// A failed round trip fails every call in it; BullMQ retries those jobs on their own.

export function coalesce<In, Out>(
  runMany: (items: In[]) => Promise<Out[]>,
  options: { maxSize: number },
): (item: In) => Promise<Out> {
  let pending: { item: In; resolve(value: Out): void; reject(error: unknown): void }[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const taken = pending;
    pending = [];
    for (let at = 0; at < taken.length; at += options.maxSize) {
      const group = taken.slice(at, at + options.maxSize);
      runMany(group.map((entry) => entry.item)).then(
        (results) => {
          for (const [index, entry] of group.entries()) entry.resolve(results[index] as Out);
        },
        (error: unknown) => {
          for (const entry of group) entry.reject(error);
        },
      );
    }
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
