/**
 * Counts in words: "1 ballot", "2 ballots", "1,204 ballots". English plural rules through
 * Intl.PluralRules (so "1" and "1.0" are told apart as the language does), numbers grouped for
 * reading. The words are English, so the locale is too: a translated site brings its own words.
 */
const rules = new Intl.PluralRules("en");
const numbers = new Intl.NumberFormat("en");

/** The noun for `n` things: `plural(1, "ballot")` is "ballot", `plural(2, "ballot")` "ballots". */
export function plural(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === "one" ? one : other;
}

/** `n` and its noun: `countOf(1204, "ballot")` is "1,204 ballots"; give `other` for an irregular plural. */
export function countOf(n: number, one: string, other?: string): string {
  return `${numbers.format(n)} ${plural(n, one, other)}`;
}
