import type { AuthError } from "@landslide/api/client";

/**
 * What the shared components say, in the site's language. `englishUiText` is every component's
 * default; each app gives its own translations through `UiTextProvider` (ui-text-context.tsx),
 * made from its next-intl messages, whose `ui` namespace has exactly these keys (each app's
 * test/ui-text.test.ts checks that its English reads exactly as this file's).
 *
 * Each sentence takes named values, so a translation can put them where its grammar wants them,
 * and counts are numbers, so a translation can choose its own plural forms.
 */
export interface UiValues {
  // ---- counts
  votes: { count: number };
  ballots: { count: number };
  // ---- the mark beside a leading option
  markLeading: object;
  markWinner: object;
  markMostVotes: object;
  markMostFirstPreferences: object;
  markTiedForLead: object;
  markTiedForMostVotes: object;
  /** On a bar, where a shared lead has little room. */
  markTied: object;
  // ---- who leads or won, in one sentence
  leadNoVotesYet: object;
  leadNoVotes: object;
  leadLeading: Lead;
  leadLeadingFirstPreferences: Lead;
  leadWinner: Lead;
  leadMostVotes: Lead;
  leadMostFirstPreferences: Lead;
  leadTiedForLead: TiedLead;
  leadTiedForLeadFirstPreferences: TiedLead;
  leadTie: TiedLead;
  // ---- who leads a score question, by its options' average scores (`max`: the range's highest score)
  leadScoreNoneYet: object;
  leadScoreNone: object;
  leadScoreLeading: ScoreLead;
  /** Final, but method-neutral: with STAR the runoff, and with several seats the next averages, decide who is elected. */
  leadScoreHighest: ScoreLead;
  leadScoreTiedForLead: TiedScoreLead;
  leadScoreTie: TiedScoreLead;
  markHighestAverage: object;
  markTiedForHighestAverage: object;
  // ---- a question's standings
  multiChoiceNote: object;
  columnOption: object;
  columnVotes: object;
  columnShare: object;
  abstained: object;
  figuresTable: object;
  tableCaption: { prompt: string; what: string };
  /** Under a score question's heading: what its averages are of. `count`: the votes counted on it. */
  scoreNote: { min: number; max: number; count: number };
  /** Under a live STAR question: the leader on scores may lose the runoff. */
  scoreStarNote: object;
  scoreCaption: { prompt: string };
  columnAverageScore: object;
  /** A score bar's figures: `average` is already written in the site's language ("4.2"). */
  scoreOutOf: { average: string; max: number };
  // ---- an instant-runoff count
  runoffOut: object;
  runoffEliminated: { votes: number };
  runoffBallotsLeft: object;
  runoffNoOne: object;
  runoffRound: { round: number };
  runoffNoWinner: object;
  runoffElected: object;
  runoffWinningRound: { round: number; option: string; votes: number; total: number; share: string };
  runoffMoved: object;
  runoffMajority: object;
  runoffCaption: { prompt: string };
  runoffGoneOption: object;
  /** `tie`: "broken" when the published tie-break rule decided who left, else "none". */
  transfer: { round: number; option: string; votes: number; tie: "broken" | "none"; moves: string };
  transferNoMoves: { round: number; option: string; votes: number; tie: "broken" | "none" };
  transferFirst: { votes: number; option: string };
  transferNext: { votes: number; option: string };
  transferExhausted: { count: number };
  listSeparator: object;
  // ---- any method's final count (method-count.ts)
  countMethodPlurality: object;
  countMethodApproval: object;
  countMethodInstantRunoff: object;
  countMethodStvMeek: object;
  countMethodStvScottish: object;
  countMethodSchulze: object;
  countMethodRankedPairs: object;
  countMethodScore: object;
  countMethodStar: object;
  countMethodBorda: object;
  countMethod: { method: string };
  /** Above the winners: `count` of them, a list in the order elected when more than one. */
  countElected: { count: number };
  countNoneElected: object;
  countSeatsFilled: { filled: number; seats: number };
  countAbstentions: { count: number };
  countElectedBadge: object;
  countColumnRound: { round: number };
  countColumnVotes: object;
  countColumnApprovals: object;
  countColumnTotalScore: object;
  countColumnBordaPoints: object;
  countColumnSchulzeWins: object;
  countColumnRankedPairs: object;
  countColumnStarRunoff: object;
  /** `votes` is already written in the site's language: STV tallies are fractional, to 9 places. */
  countCellElected: { votes: string };
  countCellEliminated: { votes: string };
  countCellOut: object;
  countRowExhausted: object;
  countRowNoPreference: object;
  countRowQuota: object;
  countRoundsCaption: { prompt: string };
  countTotalsCaption: { prompt: string };
  countTransfersIntro: object;
  /** `what`: "surplus" when the option was elected (it passes on what it has beyond the quota), else "votes". */
  countTransfer: { round: number; option: string; what: "surplus" | "votes"; moves: string };
  countTransferNone: { round: number; option: string; what: "surplus" | "votes" };
  countTransferTo: { votes: string; option: string };
  /** An option that gave back part of what it held (a Meek keep value falling as another moved). */
  countTransferLess: { votes: string; option: string };
  countTransferExhausted: { votes: string };
  countPairwiseCaption: { prompt: string };
  countPairwiseOver: { option: string };
  countCondorcetWinner: { option: string };
  countCondorcetNone: object;
  countTiesIntro: object;
  /** `round` 0: a method without rounds. `options` and `chosen` are lists already joined. */
  countTieBreak: { round: number; options: string; chosen: string; rule: string };
  countRuleLookBack: object;
  countRuleOptionOrder: object;
  countRuleLot: object;
  countRuleRecordedDraw: object;
  /** Before the engine's own explanation of a tie, which is in English. */
  countTieRecord: object;
  countStarRunoff: { parts: string };
  countStarRunoffFirst: { option: string; count: number };
  countStarRunoffNext: { option: string; count: number };
  countStarRunoffSame: { count: number };
  // ---- what a shared link says before it is opened
  summaryOpening: { final: "yes" | "no"; count: number };
  summaryTied: { options: string; share: string };
  summaryMostVotes: { option: string; share: string };
  summaryLeads: { option: string; share: string };
  summaryScoreTied: { options: string; average: string; max: number };
  summaryScoreHighest: ScoreLead;
  summaryScoreLeads: ScoreLead;
  // ---- the design system
  toneNeutral: object;
  toneInfo: object;
  toneSuccess: object;
  toneWarning: object;
  toneDanger: object;
  codeTitle: object;
  table: object;
  unknownTime: object;
  /** A dialog's closing button and its corner cross. */
  dialogClose: object;
  /** Above the box where the gravest actions ask for a text typed out: `text` is set in bold. */
  confirmTyping: { text: string };
  // ---- signing in
  signInEmail: object;
  signInPassword: object;
  signInCode: object;
  signInCodeSent: { email: string };
  signInSubmit: object;
  signUpSubmit: object;
  confirmSubmit: object;
  newHere: object;
  createAccount: object;
  haveAccount: object;
  signInFailed: object;
}

interface Lead {
  option: string;
  votes: number;
  share: string;
}

interface TiedLead {
  /** The tied options, already joined as a list in the site's language. */
  options: string;
  votes: number;
  share: string;
}

/** `average` is already written in the site's language ("4.2"); `max` is the range's highest score. */
interface ScoreLead {
  option: string;
  average: string;
  max: number;
}

interface TiedScoreLead {
  /** The tied options, already joined as a list in the site's language. */
  options: string;
  average: string;
  max: number;
}

export type UiKey = keyof UiValues;

/** The values a sentence takes: none for a fixed one. */
export type UiArgs<K extends UiKey> = keyof UiValues[K] extends never ? [] : [values: UiValues[K]];

export interface UiText {
  /** BCP 47: how numbers, shares and lists are written ("en" unless the site says). */
  readonly locale: string;
  /** The language dates are written in; undefined: the viewer's own (the browser's), as the console does. */
  readonly dateLocale: string | undefined;
  /** "rtl": the page reads from the right, and so do its charts. */
  readonly dir: "ltr" | "rtl";
  say<K extends UiKey>(key: K, ...values: UiArgs<K>): string;
  /** A sign-in that failed, in words: Cognito's refusal as the SDK read it (its message is English). */
  authFailure(failure: AuthError): string;
}

const numbers = new Intl.NumberFormat("en");
const n = (value: number) => numbers.format(value);
const votes = (count: number) => `${n(count)} ${count === 1 ? "vote" : "votes"}`;
const ballotCount = (count: number) => `${n(count)} ${count === 1 ? "ballot" : "ballots"}`;
const tie = (broken: "broken" | "none") =>
  broken === "broken" ? " (tied for fewest votes; the published tie-break rule decided)" : "";

/** Each sentence in English: the words both sites have always shown. */
export const englishSentences: { readonly [K in UiKey]: (values: UiValues[K]) => string } = {
  votes: ({ count }) => votes(count),
  ballots: ({ count }) => `${n(count)} ${count === 1 ? "ballot" : "ballots"}`,
  markLeading: () => "Leading",
  markWinner: () => "Winner",
  markMostVotes: () => "Most votes",
  markMostFirstPreferences: () => "Most first preferences",
  markTiedForLead: () => "Tied for the lead",
  markTiedForMostVotes: () => "Tied for most votes",
  markTied: () => "Tied",
  leadNoVotesYet: () => "No votes for any option yet.",
  leadNoVotes: () => "No option received any vote.",
  leadLeading: (v) => `Leading: ${v.option}, ${votes(v.votes)} (${v.share}).`,
  leadLeadingFirstPreferences: (v) => `Leading on first preferences: ${v.option}, ${votes(v.votes)} (${v.share}).`,
  leadWinner: (v) => `Winner: ${v.option}, ${votes(v.votes)} (${v.share}).`,
  leadMostVotes: (v) => `Most votes: ${v.option}, ${votes(v.votes)} (${v.share}).`,
  leadMostFirstPreferences: (v) =>
    `Most first preferences: ${v.option}, ${votes(v.votes)} (${v.share}). The rounds decide the winner.`,
  leadTiedForLead: (v) => `Tied for the lead: ${v.options}, ${votes(v.votes)} each (${v.share}).`,
  leadTiedForLeadFirstPreferences: (v) =>
    `Tied for the lead on first preferences: ${v.options}, ${votes(v.votes)} each (${v.share}).`,
  leadTie: (v) => `Tie: ${v.options} have ${votes(v.votes)} each (${v.share}); no single option has the most votes.`,
  leadScoreNoneYet: () => "No scores yet.",
  leadScoreNone: () => "No ballot scored any option.",
  leadScoreLeading: (v) => `Leading: ${v.option}, with an average score of ${v.average} out of ${n(v.max)}.`,
  leadScoreHighest: (v) => `Highest average score: ${v.option}, ${v.average} out of ${n(v.max)}.`,
  leadScoreTiedForLead: (v) =>
    `Tied for the lead: ${v.options}, with an average score of ${v.average} out of ${n(v.max)} each.`,
  leadScoreTie: (v) => `Tie: ${v.options} share the highest average score, ${v.average} out of ${n(v.max)}.`,
  markHighestAverage: () => "Highest average",
  markTiedForHighestAverage: () => "Tied for highest average",
  multiChoiceNote: () => "Voters could choose several options: each share is of the ballots that answered.",
  columnOption: () => "Option",
  columnVotes: () => "Votes",
  columnShare: () => "Share",
  abstained: () => "Abstained",
  figuresTable: () => "The figures as a table",
  tableCaption: ({ prompt, what }) => `${prompt}: ${what}`,
  scoreNote: ({ min, max, count }) =>
    count === 0
      ? `Scores from ${n(min)} to ${n(max)}.`
      : `Average score from ${n(min)} to ${n(max)} across ${votes(count)}.`,
  scoreStarNote: () =>
    "Counted by STAR: when voting ends, the two highest go to a runoff, won by the one more voters scored higher.",
  scoreCaption: ({ prompt }) => `${prompt}: average and total score per option`,
  columnAverageScore: () => "Average score",
  scoreOutOf: ({ average, max }) => `${average} out of ${n(max)}`,
  runoffOut: () => "out",
  runoffEliminated: ({ votes: count }) => `${n(count)} (eliminated)`,
  runoffBallotsLeft: () => "Ballots with no choice left",
  runoffNoOne: () => "no one",
  runoffRound: ({ round }) => `Round ${round}`,
  runoffNoWinner: () => "No ballot ranked any option: no one was elected.",
  runoffElected: () => "Elected by instant runoff:",
  runoffWinningRound: (v) =>
    `In round ${v.round}, ${v.option} had ${n(v.votes)} of the ${n(v.total)} votes still in the count (${v.share}).`,
  runoffMoved: () => "How the votes moved between rounds:",
  runoffMajority: () => "A majority in the first round: no option had to be eliminated.",
  runoffCaption: ({ prompt }) => `${prompt}: instant-runoff rounds`,
  runoffGoneOption: () => "an option no longer on the ballot",
  transfer: (v) =>
    `After round ${v.round}, ${v.option} was eliminated with ${votes(v.votes)}${tie(v.tie)}: ${v.moves}.`,
  transferNoMoves: (v) => `After round ${v.round}, ${v.option} was eliminated with ${votes(v.votes)}${tie(v.tie)}.`,
  transferFirst: (v) => `${votes(v.votes)} to ${v.option}`,
  transferNext: (v) => `${n(v.votes)} to ${v.option}`,
  transferExhausted: ({ count }) => `${n(count)} ranked no one still in the count`,
  listSeparator: () => ", ",
  countMethodPlurality: () => "Plurality",
  countMethodApproval: () => "Approval",
  countMethodInstantRunoff: () => "Instant runoff",
  countMethodStvMeek: () => "Single transferable vote (Meek)",
  countMethodStvScottish: () => "Single transferable vote (Scottish rules)",
  countMethodSchulze: () => "Schulze",
  countMethodRankedPairs: () => "Ranked pairs",
  countMethodScore: () => "Score",
  countMethodStar: () => "STAR (score then automatic runoff)",
  countMethodBorda: () => "Borda count",
  countMethod: ({ method }) => `Counting method: ${method}`,
  countElected: ({ count }) => (count === 1 ? "Elected:" : "Elected, in the order of election:"),
  countNoneElected: () => "No one was elected: no ballot supported any option.",
  countSeatsFilled: ({ filled, seats }) => `${n(filled)} of ${n(seats)} ${seats === 1 ? "seat" : "seats"} filled.`,
  countAbstentions: ({ count }) => `${ballotCount(count)} marked nothing and took no part in the count.`,
  countElectedBadge: () => "Elected",
  countColumnRound: ({ round }) => `Round ${n(round)}`,
  countColumnVotes: () => "Votes",
  countColumnApprovals: () => "Approvals",
  countColumnTotalScore: () => "Total score",
  countColumnBordaPoints: () => "Borda points",
  countColumnSchulzeWins: () => "Options beaten by strongest path",
  countColumnRankedPairs: () => "Options ranked below it",
  countColumnStarRunoff: () => "Runoff: ballots preferring it",
  countCellElected: ({ votes: tally }) => `${tally} (elected)`,
  countCellEliminated: ({ votes: tally }) => `${tally} (eliminated)`,
  countCellOut: () => "out",
  countRowExhausted: () => "Votes with no choice left",
  countRowNoPreference: () => "Scored both finalists the same",
  countRowQuota: () => "Quota",
  countRoundsCaption: ({ prompt }) => `${prompt}: the count, round by round`,
  countTotalsCaption: ({ prompt }) => `${prompt}: the count`,
  countTransfersIntro: () => "How the votes moved between rounds:",
  countTransfer: (v) =>
    `After round ${n(v.round)}, ${v.option}'s ${v.what === "surplus" ? "surplus" : "votes"} moved: ${v.moves}.`,
  countTransferNone: (v) =>
    `After round ${n(v.round)}, ${v.option} had no ${v.what === "surplus" ? "surplus" : "votes"} to move.`,
  countTransferTo: (v) => `${v.votes} to ${v.option}`,
  countTransferLess: (v) => `${v.votes} fewer for ${v.option}`,
  countTransferExhausted: ({ votes: moved }) => `${moved} ran out of choices`,
  countPairwiseCaption: ({ prompt }) => `${prompt}: how many voters preferred each row's option over each column's`,
  countPairwiseOver: ({ option }) => `over ${option}`,
  countCondorcetWinner: ({ option }) =>
    `${option} is the Condorcet winner: preferred head to head over every other option.`,
  countCondorcetNone: () => "There is no Condorcet winner: no option was preferred head to head over every other.",
  countTiesIntro: () => "Ties, and how they were broken:",
  countTieBreak: (v) =>
    `${v.round === 0 ? "" : `Round ${n(v.round)}: `}${v.options} were tied. Chosen: ${v.chosen}. Tie rule: ${v.rule}.`,
  countRuleLookBack: () => "looking back at earlier rounds",
  countRuleOptionOrder: () => "the order of the options on the ballot",
  countRuleLot: () => "a lot drawn from the published seed",
  countRuleRecordedDraw: () => "the officials' recorded draw",
  countTieRecord: () => "The count's own record:",
  countStarRunoff: ({ parts }) => `Runoff between the two highest scores: ${parts}.`,
  countStarRunoffFirst: ({ option, count }) => `${option} preferred on ${ballotCount(count)}`,
  countStarRunoffNext: ({ option, count }) => `${option} on ${n(count)}`,
  countStarRunoffSame: ({ count }) => `${n(count)} scored both the same`,
  summaryOpening: ({ final, count }) =>
    `${final === "yes" ? "Final result" : "Live results"}: ${n(count)} ${count === 1 ? "ballot" : "ballots"} counted.`,
  summaryTied: ({ options, share }) => `${options} are tied at ${share}.`,
  summaryMostVotes: ({ option, share }) => `${option} has the most votes with ${share}.`,
  summaryLeads: ({ option, share }) => `${option} leads with ${share}.`,
  summaryScoreTied: (v) => `${v.options} are tied at an average score of ${v.average} out of ${n(v.max)}.`,
  summaryScoreHighest: (v) => `${v.option} has the highest average score, ${v.average} out of ${n(v.max)}.`,
  summaryScoreLeads: (v) => `${v.option} leads with an average score of ${v.average} out of ${n(v.max)}.`,
  toneNeutral: () => "Note",
  toneInfo: () => "Information",
  toneSuccess: () => "Done",
  toneWarning: () => "Warning",
  toneDanger: () => "Problem",
  codeTitle: () => "The code, for experts and for quoting to support",
  table: () => "Table",
  unknownTime: () => "unknown time",
  dialogClose: () => "Close",
  confirmTyping: ({ text }) => `Type ${text} to confirm`,
  signInEmail: () => "E-mail address",
  signInPassword: () => "Password",
  signInCode: () => "Confirmation code",
  signInCodeSent: ({ email }) => `We sent a six-digit code to ${email}. Enter it below.`,
  signInSubmit: () => "Sign in",
  signUpSubmit: () => "Create account",
  confirmSubmit: () => "Confirm and sign in",
  newHere: () => "New here?",
  createAccount: () => "Create an account",
  haveAccount: () => "I already have an account",
  signInFailed: () => "Something went wrong; please try again.",
};

/** English, numbers written the English way, dates in the viewer's own language: what the console shows. */
export const englishUiText: UiText = {
  locale: "en",
  dateLocale: undefined,
  dir: "ltr",
  say: (key, ...values) => (englishSentences[key] as (v: object) => string)(values[0] ?? {}),
  authFailure: (failure) => failure.message,
};
