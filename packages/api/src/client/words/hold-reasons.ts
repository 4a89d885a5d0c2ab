import type { WITHHELD_WITH_GROUP } from "../../aggregator/coordination-watch";
import type { RiskSignal } from "../../risk/risk-signals";
import { type Words, wordsIn } from "./words";

/**
 * Why a ballot was held for review (a vote's `reasons`): the risk signals it lit up, and the two
 * reasons that are not scored signals. Keyed by every one, so a new signal does not compile
 * without its words. The help is what an official reads in the fraud review (console, `election
 * fraud show`).
 */
export type HoldReason = RiskSignal | "NO_PASSKEY" | typeof WITHHELD_WITH_GROUP;

const WORDS: Record<HoldReason, Words> = {
  AUTOMATION_DECLARED: {
    label: "Automated browser",
    help: "The browser said it was driven by automation.",
  },
  HEADLESS_CLIENT: { label: "Headless browser", help: "A headless browser or a script, by its user agent." },
  BAD_IP_RANGE: { label: "Doubtful address", help: "An address in a range listed as doubtful." },
  HOSTING_NETWORK: { label: "Hosting network", help: "An address in a data centre or hosting network." },
  ANONYMIZING_NETWORK: { label: "Anonymising network", help: "An address of a Tor exit or an open proxy." },
  SHARED_DEVICE: {
    label: "Shared device",
    help: "A device that more accounts registered than a household shares.",
  },
  IP_BLOCK_VELOCITY: {
    label: "Many ballots from one network",
    help: "More ballots from its network this minute than the limit.",
  },
  DEVICE_VELOCITY: {
    label: "Many ballots from one device",
    help: "More ballots from its device this minute than the limit.",
  },
  FAST_SOLVE: { label: "Too fast", help: "Sent sooner after the ballot opened than a person fills one in." },
  NEW_ACCOUNT: { label: "New account", help: "An account first seen minutes before." },
  // Not a scored signal: the reason a "review-without" election holds a ballot (the engine's passkey policy).
  NO_PASSKEY: {
    label: "No passkey",
    help: "Not signed with a passkey, in an election that reviews such ballots.",
  },
  COORDINATED_BALLOT: {
    label: "Same answer from one network",
    help: "One of many ballots from its network with the same answer, far more than elsewhere.",
  },
  IMPLAUSIBLE_INTERACTION: {
    label: "No human input",
    help: "Filled in on the voter site without a single click, tap or key press, or with presses as even as a timer's.",
  },
  // Not a scored signal: the stream-side watch took this counted ballot back when its group showed (aggregator/coordination-watch.ts).
  WITHHELD_WITH_GROUP: {
    label: "Held back with its group",
    help: "Counted at first, then held with its group: many ballots from its network with the same answer.",
  },
};

/** A hold reason in plain words; one this version does not know gets a label made from it. */
export function holdReasonWords(reason: string): Words {
  return wordsIn(WORDS, reason);
}

/**
 * The reason as a phrase to run into a sentence or a "; "-joined list ("a headless browser or a
 * script, by its user agent"); a code this version does not know is shown as it came.
 */
export function riskSignalWords(signal: string): string {
  if (!Object.hasOwn(WORDS, signal)) return signal;
  const { help } = WORDS[signal as HoldReason];
  return help[0]!.toLowerCase() + help.slice(1).replace(/\.$/, "");
}
