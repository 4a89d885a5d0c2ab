import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AuthError } from "@landslide/api/client";
import { englishSentences, englishUiText, type UiKey, type UiValues } from "@landslide/ui/ui-text";
import { loadMessages } from "../i18n/catalogs";
import { voterUiText } from "../i18n/ui-text";

/**
 * The shared components (packages/ui) say their English themselves, for the console; on the voter
 * site they say the `ui` messages. English must read the same both ways, word for word: each
 * sentence here with values like the pages give it (one, a few and thousands, for the plurals).
 */
const lead = (votes: number) => ({ option: "Otter", votes, share: "75.0%" });
const tied = (votes: number) => ({ options: "Ada and Bo", votes, share: "50.0%" });
const transfer = (votes: number, tie: "broken" | "none") => ({ round: 1, option: "Tomas Berg", votes, tie });
const samples: { readonly [K in UiKey]: readonly UiValues[K][] } = {
  votes: [{ count: 0 }, { count: 1 }, { count: 2 }, { count: 1234 }],
  ballots: [{ count: 0 }, { count: 1 }, { count: 1234 }],
  markLeading: [{}],
  markWinner: [{}],
  markMostVotes: [{}],
  markMostFirstPreferences: [{}],
  markTiedForLead: [{}],
  markTiedForMostVotes: [{}],
  markTied: [{}],
  leadNoVotesYet: [{}],
  leadNoVotes: [{}],
  leadLeading: [lead(1), lead(6), lead(1234)],
  leadLeadingFirstPreferences: [lead(1), lead(6)],
  leadWinner: [lead(1), lead(6)],
  leadMostVotes: [lead(1), lead(6)],
  leadMostFirstPreferences: [lead(1), lead(6)],
  leadTiedForLead: [tied(1), tied(3)],
  leadTiedForLeadFirstPreferences: [tied(1), tied(3)],
  leadTie: [tied(1), tied(3)],
  multiChoiceNote: [{}],
  columnOption: [{}],
  columnVotes: [{}],
  columnShare: [{}],
  abstained: [{}],
  figuresTable: [{}],
  tableCaption: [{ prompt: "Mascot?", what: "votes per option" }],
  runoffOut: [{}],
  runoffEliminated: [{ votes: 2 }, { votes: 1234 }],
  runoffBallotsLeft: [{}],
  runoffNoOne: [{}],
  runoffRound: [{ round: 1 }, { round: 12 }],
  runoffNoWinner: [{}],
  runoffElected: [{}],
  runoffWinningRound: [{ round: 2, option: "Ines Duarte", votes: 5, total: 8, share: "62.5%" }],
  runoffMoved: [{}],
  runoffMajority: [{}],
  runoffCaption: [{ prompt: "Harbourmaster" }],
  runoffGoneOption: [{}],
  transfer: [
    { ...transfer(2, "none"), moves: "1 vote to Ines Duarte, 1 ranked no one still in the count" },
    { ...transfer(1, "broken"), moves: "1 vote to Ines Duarte" },
  ],
  transferNoMoves: [transfer(0, "none"), transfer(1, "broken")],
  transferFirst: [
    { votes: 1, option: "Ines Duarte" },
    { votes: 1234, option: "Wen Li" },
  ],
  transferNext: [{ votes: 1234, option: "Wen Li" }],
  transferExhausted: [{ count: 1 }, { count: 1234 }],
  listSeparator: [{}],
  summaryOpening: [
    { final: "yes", count: 1 },
    { final: "no", count: 1234 },
  ],
  summaryTied: [{ options: "Ada and Bo", share: "50.0%" }],
  summaryMostVotes: [{ option: "Otter", share: "42.9%" }],
  summaryLeads: [{ option: "Otter", share: "42.9%" }],
  toneNeutral: [{}],
  toneInfo: [{}],
  toneSuccess: [{}],
  toneWarning: [{}],
  toneDanger: [{}],
  codeTitle: [{}],
  table: [{}],
  unknownTime: [{}],
  dialogClose: [{}],
  confirmTyping: [{ text: "City council 2026" }],
  signInEmail: [{}],
  signInPassword: [{}],
  signInCode: [{}],
  signInCodeSent: [{ email: "ada@example.org" }],
  signInSubmit: [{}],
  signUpSubmit: [{}],
  confirmSubmit: [{}],
  newHere: [{}],
  createAccount: [{}],
  haveAccount: [{}],
  signInFailed: [{}],
};

const messages = await loadMessages("en");
const voter = voterUiText(
  "en",
  "ltr",
  createTranslator({ locale: "en", messages, namespace: "ui" }),
  createTranslator({ locale: "en", messages, namespace: "auth" }),
);

describe("the shared components' English on the voter site", () => {
  it("reads word for word as the components' own", () => {
    for (const key of Object.keys(samples) as UiKey[])
      for (const values of samples[key]) {
        const say = (text: typeof voter) => (text.say as (k: UiKey, v: object) => string)(key, values);
        expect(say(voter), key).toBe(say(englishUiText));
      }
  });

  it("has a message for every sentence, and no other", () => {
    expect(Object.keys(messages.ui).sort()).toEqual(Object.keys(englishSentences).sort());
  });

  it("words a sign-in failure by its reason, as the SDK words it in English", () => {
    const failure = new AuthError("CODE_MISMATCH", "That confirmation code is not right.");
    expect(voter.authFailure(failure)).toBe(failure.message);
    expect(voter.authFailure(new AuthError("SIGNED_OUT", "Sign in first."))).toBe("Sign in first.");
  });
});
