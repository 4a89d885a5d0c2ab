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
const scoreLead = (max: number) => ({ option: "Otter", average: "4.2", max });
const scoreTied = { options: "Ada and Bo", average: "4.0", max: 5 };
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
  leadScoreNoneYet: [{}],
  leadScoreNone: [{}],
  leadScoreLeading: [scoreLead(5), scoreLead(10)],
  leadScoreHighest: [scoreLead(5), scoreLead(1)],
  leadScoreTiedForLead: [scoreTied],
  leadScoreTie: [scoreTied],
  markHighestAverage: [{}],
  markTiedForHighestAverage: [{}],
  multiChoiceNote: [{}],
  columnOption: [{}],
  columnVotes: [{}],
  columnShare: [{}],
  abstained: [{}],
  figuresTable: [{}],
  tableCaption: [{ prompt: "Mascot?", what: "votes per option" }],
  scoreNote: [
    { min: 0, max: 5, count: 0 },
    { min: 1, max: 10, count: 1 },
    { min: 0, max: 5, count: 1234 },
  ],
  scoreStarNote: [{}],
  scoreCaption: [{ prompt: "Mascot?" }],
  columnAverageScore: [{}],
  scoreOutOf: [{ average: "4.2", max: 5 }],
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
  summaryScoreTied: [scoreTied],
  summaryScoreHighest: [scoreLead(5)],
  summaryScoreLeads: [scoreLead(5)],
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
  countMethodPlurality: [{}],
  countMethodApproval: [{}],
  countMethodInstantRunoff: [{}],
  countMethodStvMeek: [{}],
  countMethodStvScottish: [{}],
  countMethodSchulze: [{}],
  countMethodRankedPairs: [{}],
  countMethodScore: [{}],
  countMethodStar: [{}],
  countMethodBorda: [{}],
  countMethod: [{ method: "Schulze" }],
  countElected: [{ count: 1 }, { count: 2 }, { count: 12 }],
  countNoneElected: [{}],
  countSeatsFilled: [
    { filled: 0, seats: 1 },
    { filled: 1, seats: 1 },
    { filled: 2, seats: 3 },
    { filled: 1234, seats: 1500 },
  ],
  countAbstentions: [{ count: 1 }, { count: 4 }, { count: 1234 }],
  countElectedBadge: [{}],
  countColumnRound: [{ round: 1 }, { round: 1200 }],
  countColumnVotes: [{}],
  countColumnApprovals: [{}],
  countColumnTotalScore: [{}],
  countColumnBordaPoints: [{}],
  countColumnSchulzeWins: [{}],
  countColumnRankedPairs: [{}],
  countColumnStarRunoff: [{}],
  countCellElected: [{ votes: "12.5" }],
  countCellEliminated: [{ votes: "1,234.000000001" }],
  countCellOut: [{}],
  countRowExhausted: [{}],
  countRowNoPreference: [{}],
  countRowQuota: [{}],
  countRoundsCaption: [{ prompt: "Council?" }],
  countTotalsCaption: [{ prompt: "Council?" }],
  countTransfersIntro: [{}],
  countTransfer: [
    { round: 2, option: "Carol", what: "surplus", moves: "12.5 to Alice" },
    { round: 1234, option: "Dan", what: "votes", moves: "3 to Bob" },
  ],
  countTransferNone: [
    { round: 2, option: "Carol", what: "surplus" },
    { round: 3, option: "Dan", what: "votes" },
  ],
  countTransferTo: [{ votes: "12.5", option: "Alice" }],
  countTransferLess: [{ votes: "0.2", option: "Alice" }],
  countTransferExhausted: [{ votes: "1" }],
  countPairwiseCaption: [{ prompt: "Mascot?" }],
  countPairwiseOver: [{ option: "Otter" }],
  countCondorcetWinner: [{ option: "Otter" }],
  countCondorcetNone: [{}],
  countTiesIntro: [{}],
  countTieBreak: [
    { round: 0, options: "Ada and Bo", chosen: "Bo", rule: "a lot" },
    { round: 3, options: "Ada and Bo", chosen: "Ada", rule: "x" },
    { round: 1234, options: "A, B and C", chosen: "A and B", rule: "x" },
  ],
  countRuleLookBack: [{}],
  countRuleOptionOrder: [{}],
  countRuleLot: [{}],
  countRuleRecordedDraw: [{}],
  countTieRecord: [{}],
  countStarRunoff: [{ parts: "Alice preferred on 12 ballots, Bob on 8" }],
  countStarRunoffFirst: [
    { option: "Alice", count: 1 },
    { option: "Alice", count: 1234 },
  ],
  countStarRunoffNext: [
    { option: "Bob", count: 1 },
    { option: "Bob", count: 1234 },
  ],
  countStarRunoffSame: [{ count: 1 }, { count: 1234 }],
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
