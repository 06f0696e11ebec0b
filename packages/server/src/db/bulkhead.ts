// The costliest statements (partner suggestions over every town, path searches, fuzzy search)
// may hold at most some of the API's connections at once: with twenty clients sending them,
// they used to take the whole pool, and a town page waited seconds for a connection. The rest
// of the pool stays free for everything else; costly statements beyond the slots wait their turn.

export type Bulkhead = <T>(run: () => Promise<T>) => Promise<T>;

export function createBulkhead(slots: number): Bulkhead {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await run();
    } finally {
      // Hand the slot to the next in line, or give it back.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
