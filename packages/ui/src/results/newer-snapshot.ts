/**
 * Snapshots carry a version that only grows; the stream and the poll may deliver them out of
 * order (a poll answered late, a reconnect that replays), so the newer one is kept.
 */
export function newerSnapshot<T extends { readonly version: number }>(current: T | undefined, next: T): T {
  return current && current.version > next.version ? current : next;
}
