import type { VoteState } from "@landslide/vote-engine";
import { type Words, wordsIn } from "./words";

/**
 * Where a stored ballot stands after the risk check and any review. Keyed by every state the
 * engine has (the risk check's own decision, accepted or quarantined, is two of them).
 */
const WORDS: Record<VoteState, Words> = {
  accepted: { label: "Counted", help: "Accepted when it arrived, and counted." },
  quarantined: {
    label: "Held for review",
    help: "Received, and held for an official to review; it counts only if released.",
  },
  released: { label: "Released and counted", help: "Held for review, then released by an official: counted." },
  voided: { label: "Voided", help: "Held for review, then voided by an official: not counted." },
};

/** A ballot's state in plain words; one this version does not know gets a label made from it. */
export function voteStateWords(state: string): Words {
  return wordsIn(WORDS, state);
}
