import type { ElectionStatus } from "@landslide/vote-engine";
import { type Words, wordsIn } from "./words";

/** Each stage of an election, as voters and officials read it. Keyed by every status the engine has. */
const WORDS: Record<ElectionStatus, Words> = {
  draft: { label: "Draft", help: "Being prepared; voters cannot see it yet." },
  scheduled: { label: "Scheduled", help: "Announced, with voting times set; voting has not begun." },
  open: { label: "Open", help: "Voting is under way." },
  paused: { label: "Paused", help: "Voting is stopped for now and will resume." },
  closed: { label: "Closed", help: "Voting has ended; the result is being checked before it is certified." },
  certified: { label: "Certified", help: "Voting has ended and the result is final." },
};

/** An election status in plain words; one this version does not know gets a label made from it. */
export function electionStatusWords(status: string): Words {
  return wordsIn(WORDS, status);
}
