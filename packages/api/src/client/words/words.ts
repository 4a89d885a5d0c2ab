/**
 * A code in plain words: a short `label` a person reads in place of the code, and `help`, one or
 * two sentences on what it means and what to do. The code itself stays the stable contract for
 * programs and experts; these are for people.
 */
export interface Words {
  readonly label: string;
  readonly help: string;
}

/**
 * The words for `code` in `table`. A code this version does not know (a newer server) still gets
 * a readable label, made from the code itself, and no help: a person is never shown a bare
 * SHOUTING_CODE or dotted.name as if it were a sentence.
 */
export function wordsIn(table: Readonly<Record<string, Words>>, code: string): Words {
  return Object.hasOwn(table, code) ? table[code]! : { label: humanized(code), help: "" };
}

/** "SOMETHING_NEW" → "Something new", "network-list.import" → "Network list import". */
export function humanized(code: string): string {
  const words = code
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}
