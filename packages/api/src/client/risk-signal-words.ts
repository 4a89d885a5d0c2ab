import type { RiskSignal } from "../risk/risk-signals";

/**
 * What each risk signal means, in the words an official reads in the fraud review (the console,
 * `election fraud show`). Keyed by every signal: a new one does not compile without its words.
 */
const WORDS: Record<RiskSignal | "NO_PASSKEY" | "WITHHELD_WITH_GROUP", string> = {
  AUTOMATION_DECLARED: "the browser said it was driven by automation",
  HEADLESS_CLIENT: "a headless browser or a script, by its user agent",
  BAD_IP_RANGE: "an address in a range listed as doubtful",
  HOSTING_NETWORK: "an address in a data centre or hosting network",
  ANONYMIZING_NETWORK: "an address of a Tor exit or an open proxy",
  SHARED_DEVICE: "a device that more accounts registered than a household shares",
  IP_BLOCK_VELOCITY: "more ballots from its network this minute than the limit",
  DEVICE_VELOCITY: "more ballots from its device this minute than the limit",
  FAST_SOLVE: "sent sooner after the ballot opened than a person fills one in",
  NEW_ACCOUNT: "an account first seen minutes before",
  // Not a scored signal: the reason a "review-without" election holds a ballot (the engine's passkey policy).
  NO_PASSKEY: "not signed with a passkey, in an election that reviews such ballots",
  COORDINATED_BALLOT: "one of many ballots from its network with the same answer, far more than elsewhere",
  IMPLAUSIBLE_INTERACTION:
    "filled in on the voter site without a single click, tap or key press, or with presses as even as a timer's",
  // Not a scored signal: the stream-side watch took this counted ballot back when its group showed (aggregator/coordination-watch.ts).
  WITHHELD_WITH_GROUP: "counted at first, then held with its group: many ballots from its network with the same answer",
};

/** The signal in plain words; a code this version does not know is shown as it came. */
export function riskSignalWords(signal: string): string {
  return (WORDS as Record<string, string>)[signal] ?? signal;
}
