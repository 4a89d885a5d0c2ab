import { useTranslations } from "next-intl";
import { type Vocabulary, type WordsOf, wordsOf } from "./words";

/** A vocabulary's words in the page's language, for a component (server or client). */
export function useWords(vocabulary: Vocabulary): WordsOf {
  return wordsOf(useTranslations(), vocabulary);
}
