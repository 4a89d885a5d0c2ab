/** Question and option ids: what the API accepts (`^[a-z0-9-]{1,40}$`). */
export const ID_PATTERN = /^[a-z0-9-]{1,40}$/;
const MAX_ID_LENGTH = 40;

/**
 * A readable id from a label: "Héron cendré!" → "heron-cendre". Accents are dropped rather than
 * the letters they sit on, so ids stay recognisable in results files and the CLI.
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, "");
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet, still at most 40 characters. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
