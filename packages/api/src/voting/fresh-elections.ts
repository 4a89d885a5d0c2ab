import type { Election, ElectionReader } from "@landslide/vote-engine";

/** How many elections' copies one task keeps; ids nobody votes in (a prober's) fall out first. */
const MAX_ELECTIONS = 10_000;

interface Entry {
  /** When the read that gave `copy` began; undefined before the first read answers. */
  readAt?: number;
  copy?: Election | undefined;
  refreshing?: Promise<Election | undefined>;
}

/**
 * Elections for casting, refreshed in the background: a read starts at most once per `refreshMs`
 * per election, and casts keep using the copy they have while it runs, so a cast waits for a read
 * only when no copy younger than `maxAgeMs` exists (the first cast of an election on this task,
 * or a data plane that has stopped answering). Each copy carries when its read began (`readAt`),
 * so castVote can refuse to judge a ballot by one that may have missed a pause or close. A failed
 * read is not kept: the next cast starts another.
 */
export function freshElections(
  load: (id: string) => Promise<Election | undefined>,
  options: { readonly refreshMs: number; readonly maxAgeMs: number },
): ElectionReader {
  const entries = new Map<string, Entry>();

  const refresh = (id: string, entry: Entry) => {
    const startedAt = Date.now();
    const read = load(id).then((election) => {
      entry.readAt = startedAt;
      entry.copy = election && { ...election, readAt: new Date(startedAt) };
      return entry.copy;
    });
    entry.refreshing = read;
    const done = () => {
      if (entry.refreshing === read) entry.refreshing = undefined;
    };
    read.then(done, done);
    return read;
  };

  return {
    get(id) {
      let entry = entries.get(id);
      if (!entry) {
        if (entries.size >= MAX_ELECTIONS) entries.delete(entries.keys().next().value!);
        entry = {};
        entries.set(id, entry);
      }
      const age = entry.readAt === undefined ? Infinity : Date.now() - entry.readAt;
      const pending = entry.refreshing ?? (age >= options.refreshMs ? refresh(id, entry) : undefined);
      if (age < options.maxAgeMs) return Promise.resolve(entry.copy);
      return pending ?? Promise.resolve(entry.copy);
    },
  };
}
