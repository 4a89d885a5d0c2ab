import { humanized, type Words } from "@landslide/api/client";
import type { MessageKey, Translate } from "./english";

/**
 * The API's code vocabularies (@landslide/api/client's refusalWords, auditActionWords, …) in the
 * console's language: the messages' `words` namespace holds `{ label, help }` for every code of
 * each (scripts/english-words.ts writes English from the API's own words; test/words.test.ts
 * holds every language to every code). A code this console does not know yet (a newer API) still
 * reads as words, made from the code, as the API's own wordsIn does.
 */
export const VOCABULARIES = [
  "refusal",
  "auditAction",
  "holdReason",
  "riskSignal",
  "electionStatus",
  "voteState",
  "questionKind",
] as const;

export type Vocabulary = (typeof VOCABULARIES)[number];

/** What `Reason` (@landslide/ui/words) and the pages take: a code's words. */
export type WordsOf = (code: string) => Words;

/** A vocabulary's words in the translator's language. */
export function wordsOf(t: Translate, vocabulary: Vocabulary): WordsOf {
  return (code) => {
    // Codes may hold dots ("election.create"): the messages nest them, and the key reads them as a path.
    const key = `words.${vocabulary}.${code}`;
    const label = `${key}.label` as MessageKey;
    if (code === "" || !t.has(label)) return { label: humanized(code), help: "" };
    return { label: t(label), help: t(`${key}.help` as MessageKey) };
  };
}
