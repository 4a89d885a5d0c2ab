import type { Election, ElectionReader } from "@landslide/vote-engine";

/**
 * Elections for casting, read at most once per `refreshMs` per election and shared by concurrent
 * casts. Each copy carries when its read began (`readAt`), so castVote can refuse to judge a
 * ballot by a copy that may have missed a pause or close (a slow or failed refresh never keeps an
 * old answer alive: a failed read is forgotten at once).
 */
export function freshElections(load: (id: string) => Promise<Election | undefined>, refreshMs: number, now: () => number = Date.now): ElectionReader {
  const cache = new Map<string, { readonly startedAt: number; readonly value: Promise<Election | undefined> }>();
  return {
    async get(id) {
      let entry = cache.get(id);
      if (!entry || now() - entry.startedAt >= refreshMs) {
        const startedAt = now();
        const fresh = { startedAt, value: load(id).then((election) => election && { ...election, readAt: new Date(startedAt) }) };
        cache.set(id, fresh);
        fresh.value.catch(() => {
          if (cache.get(id) === fresh) cache.delete(id);
        });
        entry = fresh;
      }
      return entry.value;
    },
  };
}
