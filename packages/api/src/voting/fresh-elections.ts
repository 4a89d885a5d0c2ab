import type { Election, ElectionReader } from "@landslide/vote-engine";
import { promiseCache } from "../promise-cache";

/**
 * Elections for casting, read at most once per `refreshMs` per election and shared by concurrent
 * casts. Each copy carries when its read began (`readAt`), so castVote can refuse to judge a
 * ballot by a copy that may have missed a pause or close (a slow or failed refresh never keeps an
 * old answer alive: a failed read is forgotten at once).
 */
export function freshElections(load: (id: string) => Promise<Election | undefined>, refreshMs: number): ElectionReader {
  const cached = promiseCache<Election | undefined>(refreshMs);
  return {
    get: (id) =>
      cached(id, async () => {
        const readAt = new Date();
        const election = await load(id);
        return election && { ...election, readAt };
      }),
  };
}
