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
  // ---- a question's standings
  multiChoiceNote: object;
  columnOption: object;
  columnVotes: object;
  columnShare: object;
  abstained: object;
  figuresTable: object;
  tableCaption: { prompt: string; what: string };
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
  // ---- what a shared link says before it is opened
  summaryOpening: { final: "yes" | "no"; count: number };
  summaryTied: { options: string; share: string };
  summaryMostVotes: { option: string; share: string };
  summaryLeads: { option: string; share: string };
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
  multiChoiceNote: () => "Voters could choose several options: each share is of the ballots that answered.",
  columnOption: () => "Option",
  columnVotes: () => "Votes",
  columnShare: () => "Share",
  abstained: () => "Abstained",
  figuresTable: () => "The figures as a table",
  tableCaption: ({ prompt, what }) => `${prompt}: ${what}`,
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
  summaryOpening: ({ final, count }) =>
    `${final === "yes" ? "Final result" : "Live results"}: ${n(count)} ${count === 1 ? "ballot" : "ballots"} counted.`,
  summaryTied: ({ options, share }) => `${options} are tied at ${share}.`,
  summaryMostVotes: ({ option, share }) => `${option} has the most votes with ${share}.`,
  summaryLeads: ({ option, share }) => `${option} leads with ${share}.`,
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
