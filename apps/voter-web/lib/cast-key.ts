import { newIdempotencyKey } from "@landslide/api/client";

/**
 * One idempotency key per election and tab: a retry after a network failure or a reload is the
 * same cast, never a second ballot. sessionStorage, not localStorage: another tab is another cast.
 */
export function castKey(electionId: string, storage: Pick<Storage, "getItem" | "setItem"> = sessionStorage): string {
  const name = `landslide:cast-key:${electionId}`;
  const existing = storage.getItem(name);
  if (existing) return existing;
  const key = newIdempotencyKey();
  storage.setItem(name, key);
  return key;
}
