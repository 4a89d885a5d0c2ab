/**
 * An election's texts in the language a voter reads. Pure and free of zod, so the voter site's
 * bundle can take it without the schemas (the api client re-exports it); translations.ts checks
 * what an official writes.
 *
 * The rule, per text: the translation into the best language the voter asked for (RFC 4647
 * lookup: "es-MX" finds "es"; failing that, any translation of the same language), else the text
 * as the official wrote it, in the election's own language. Ids never change: ballots, receipts,
 * tallies and the audit name questions and options by id, never by their words.
 */

/** The language an election's texts are written in when it does not say. */
export const DEFAULT_CONTENT_LANGUAGE = "en";

/** Longer tags exist in theory; none a person writes for a ballot (RFC 5646 §4.4.1 keeps 35 as the practical limit). */
const MAX_TAG_LENGTH = 35;

/** The canonical form of a BCP 47 language tag ("es-mx" is "es-MX"), or undefined when the text is not one. */
export function canonicalLanguageTag(tag: string): string | undefined {
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** One language's texts of an election: each one left out is shown as the official wrote it. */
export interface ElectionTranslation {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly questions?:
    | Readonly<
        Record<
          string,
          {
            readonly prompt?: string | undefined;
            readonly options?: Readonly<Record<string, string>> | undefined;
          }
        >
      >
    | undefined;
}

/** What localizing needs of an election: its texts, their language and the translations (the rest is carried along). */
export interface LocalizableElection {
  readonly title: string;
  readonly description: string;
  readonly language?: string | undefined;
  readonly translations?: Readonly<Record<string, ElectionTranslation>> | undefined;
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly prompt: string;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  }>;
}

/** The language each text is shown in: for `lang` attributes where it is not the page's. */
export interface TextLanguages {
  readonly title: string;
  readonly description: string;
  readonly questions: Readonly<
    Record<string, { readonly prompt: string; readonly options: Readonly<Record<string, string>> }>
  >;
}

export interface Localized<E> {
  /** The election with each text in `language` where it has one, else as written. */
  readonly election: E;
  /** The language chosen: one of its translations, or the election's own language. */
  readonly language: string;
  /** The language of each text as shown (the election's own language where the translation leaves it out). */
  readonly texts: TextLanguages;
}

/** The language an election's texts are written in. */
export function contentLanguageOf(election: Pick<LocalizableElection, "language">): string {
  return election.language ?? DEFAULT_CONTENT_LANGUAGE;
}

/** Every language an election can be read in: its own first, then its translations'. */
export function contentLanguages(election: Pick<LocalizableElection, "language" | "translations">): string[] {
  return [contentLanguageOf(election), ...Object.keys(election.translations ?? {})];
}

/** RFC 4647 lookup's next shorter range: "zh-Hant-TW" → "zh-Hant" → "zh"; a singleton left at the end goes too. */
function shorter(range: string): string {
  const parts = range.split("-");
  parts.pop();
  while (parts.length > 0 && parts.at(-1)!.length === 1) parts.pop();
  return parts.join("-");
}

/**
 * The language of the election that best serves a voter asking for `requested` (most wanted
 * first): for each asked language in turn, the same tag or a shorter one of it, then any of the
 * same language; the election's own language when none is found.
 */
export function bestContentLanguage(
  election: Pick<LocalizableElection, "language" | "translations">,
  requested: readonly string[],
): string {
  const own = contentLanguageOf(election);
  const available = contentLanguages(election);
  const byRange = new Map(available.map((tag) => [(canonicalLanguageTag(tag) ?? tag).toLowerCase(), tag]));
  const primary = (tag: string) => tag.toLowerCase().split("-")[0];
  for (const asked of requested) {
    const canonical = canonicalLanguageTag(asked);
    if (canonical === undefined) continue;
    for (let range = canonical.toLowerCase(); range !== ""; range = shorter(range)) {
      const found = byRange.get(range);
      if (found !== undefined) return found;
    }
    const sameLanguage = available.find((tag) => primary(tag) === primary(canonical));
    if (sameLanguage !== undefined) return sameLanguage;
  }
  return own;
}

/**
 * The election with its texts in the best language the voter asked for (`requested`, most wanted
 * first: a page's locale, a voter roll's language), each text falling back on its own to the
 * election's language, and which language each text is in. Ids, rules and everything else stay.
 */
export function localizedElection<E extends LocalizableElection>(
  election: E,
  requested: readonly string[],
): Localized<E> {
  const own = contentLanguageOf(election);
  const language = bestContentLanguage(election, requested);
  const translation: ElectionTranslation = (language === own ? undefined : election.translations?.[language]) ?? {};
  const languageOf = (text: string | undefined) => (text === undefined ? own : language);
  const texts: TextLanguages = {
    title: languageOf(translation.title),
    description: languageOf(translation.description),
    questions: Object.fromEntries(
      election.questions.map((q) => {
        const words = translation.questions?.[q.id];
        return [
          q.id,
          {
            prompt: languageOf(words?.prompt),
            options: Object.fromEntries(q.options.map((o) => [o.id, languageOf(words?.options?.[o.id])])),
          },
        ];
      }),
    ),
  };
  const localized = {
    ...election,
    title: translation.title ?? election.title,
    description: translation.description ?? election.description,
    questions: election.questions.map((q) => {
      const words = translation.questions?.[q.id];
      return {
        ...q,
        prompt: words?.prompt ?? q.prompt,
        options: q.options.map((o) => ({ ...o, label: words?.options?.[o.id] ?? o.label })),
      };
    }),
  } as E;
  return { election: localized, language, texts };
}
