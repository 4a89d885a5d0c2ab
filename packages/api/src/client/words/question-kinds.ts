import type { QuestionKind } from "@landslide/vote-engine";
import { type Words, wordsIn } from "./words";

/** How a question is answered. Keyed by every kind the engine has. */
const WORDS: Record<QuestionKind, Words> = {
  single: { label: "One choice", help: "Voters pick exactly one option." },
  multi: { label: "Several choices", help: "Voters pick as many options as the question allows." },
  ranked: {
    label: "Ranked choice",
    help: "Voters put options in order of preference; the count eliminates the weakest option round by round.",
  },
  score: {
    label: "Scores",
    help: "Voters give every option a score; the highest total wins, or with STAR the two highest meet in a runoff.",
  },
};

/** A question kind in plain words; one this version does not know gets a label made from it. */
export function questionKindWords(kind: string): Words {
  return wordsIn(WORDS, kind);
}
