/**
 * Remembers each key's answer, pending or settled, for `ms`: concurrent and repeated reads share
 * one load. A failed load is forgotten at once (unless a newer one already took its place), so the
 * next read tries again.
 */
export function promiseCache<T>(ms: number): (key: string, load: () => Promise<T>) => Promise<T> {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return (key, load) => {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ms) return hit.value;
    const entry = { at: Date.now(), value: load() };
    cache.set(key, entry);
    entry.value.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return entry.value;
  };
}
