import { type LocalizableElection, localizedElection, type RouterOutputs } from "@landslide/api/client";

/**
 * The election's own words (title, description, prompts, labels) in the page's language, decided
 * once where an election is read (a query's `select`), so the components only show what they get.
 * Each text is in the page's language where the official translated it, else as written
 * (localizedElection's rule); a text shown in another language carries its BCP 47 tag, for the
 * `lang` attribute that makes screen readers pronounce it right. Undefined: the page's language.
 * Pure, for server and browser alike; the queries' `select` hooks are in use-shown-election.ts.
 */
export type ShownElection<E extends LocalizableElection> = Omit<E, "questions"> & {
  readonly titleLang?: string | undefined;
  readonly descriptionLang?: string | undefined;
  readonly questions: Array<ShownQuestion<E["questions"][number]>>;
};

type ShownQuestion<Q extends LocalizableElection["questions"][number]> = Omit<Q, "options"> & {
  readonly promptLang?: string | undefined;
  readonly options: Array<Q["options"][number] & { readonly labelLang?: string | undefined }>;
};

/** The election of the ballot page, as it shows it. */
export type ElectionOnPage = ShownElection<RouterOutputs["elections"]["get"]>;

/** The election's texts as a page in `locale` shows them. */
export function shownElection<E extends LocalizableElection>(election: E, locale: string): ShownElection<E> {
  const { election: localized, texts } = localizedElection(election, [locale]);
  const lang = (tag: string | undefined) => (tag === undefined || sameTag(tag, locale) ? undefined : tag);
  return {
    ...localized,
    titleLang: lang(texts.title),
    descriptionLang: lang(texts.description),
    questions: localized.questions.map((q) => ({
      ...q,
      promptLang: lang(texts.questions[q.id]?.prompt),
      options: q.options.map((o) => ({ ...o, labelLang: lang(texts.questions[q.id]?.options[o.id]) })),
    })),
  } as ShownElection<E>;
}

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Results (a live snapshot, the final count) with the prompts and labels of the election as
 * shown: a snapshot is one document for every watcher, in the election's own words, and names
 * questions and options by id. Until the election is read, the snapshot's own words.
 */
export function shownResults<
  R extends {
    readonly questions: ReadonlyArray<{
      readonly id: string;
      readonly prompt: string;
      readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
    }>;
  },
>(results: R, election: Pick<ShownElection<LocalizableElection>, "questions"> | undefined): R {
  if (!election) return results;
  return {
    ...results,
    questions: results.questions.map((q) => {
      const shown = election.questions.find((s) => s.id === q.id);
      if (!shown) return q;
      return {
        ...q,
        prompt: shown.prompt,
        options: q.options.map((o) => ({ ...o, label: shown.options.find((s) => s.id === o.id)?.label ?? o.label })),
      };
    }),
  };
}
