import { englishUiText, type UiText } from "../text/ui-text";
import { formatShare, type OptionStanding, type Standings } from "./standings";

/**
 * What a question's standings say in words, so a tie or a lead is never shown by colour or bar
 * length alone. "live" while voting goes on (someone leads); "final" once the count is closed
 * (someone won). Ranked questions' live figures are first preferences: their lead says so.
 * Every function takes the site's words last (English unless given: the console).
 */
export type Outcome = "live" | "final";

export interface StandingWordsInput {
  readonly kind: string;
  readonly standings: Standings;
  readonly outcome: Outcome;
}

/**
 * "Ada, Bo and Cy", as the site's language joins names. On a right-to-left page each name is
 * isolated (FSI…PDI), so a name in another script keeps its own direction inside the sentence.
 */
export const optionNames = (options: readonly Pick<OptionStanding, "label">[], text: UiText = englishUiText) =>
  new Intl.ListFormat(text.locale, { style: "long", type: "conjunction" }).format(
    options.map((o) => (text.dir === "rtl" ? `\u2068${o.label}\u2069` : o.label)),
  );

/** "1 vote", "1,234 votes". */
export function votesWord(votes: number, text: UiText = englishUiText): string {
  return text.say("votes", { count: votes });
}

/** "1 ballot", "1,234 ballots": never "1 ballots". */
export function ballotsWord(ballots: number, text: UiText = englishUiText): string {
  return text.say("ballots", { count: ballots });
}

/**
 * The short mark beside a leading option (in the table and on its bar): "Leading", "Winner",
 * "Most votes" (a multi-choice question elects no single option), "Most first preferences" (a
 * ranked question is won in its rounds), or a tie when the lead is shared.
 */
export function leaderMark({ kind, standings, outcome }: StandingWordsInput, text: UiText = englishUiText): LeaderMark {
  return { text: leaderMarkText({ kind, standings, outcome }, text), winner: isWinner({ kind, standings, outcome }) };
}

/** The mark's words, and whether it names a winner: a winner's badge is green wherever it shows (the runoff's too). */
export interface LeaderMark {
  readonly text: string;
  readonly winner: boolean;
}

const isWinner = ({ kind, standings, outcome }: StandingWordsInput) =>
  outcome === "final" && !standings.tied && kind === "single";

function leaderMarkText({ kind, standings, outcome }: StandingWordsInput, text: UiText): string {
  if (standings.tied) return text.say(outcome === "final" ? "markTiedForMostVotes" : "markTiedForLead");
  if (outcome === "live") return text.say("markLeading");
  if (kind === "ranked") return text.say("markMostFirstPreferences");
  return text.say(kind === "single" ? "markWinner" : "markMostVotes");
}

/** One sentence under the question: who leads or won, with their votes and share, or that it is a tie. */
export function leadSentence(input: StandingWordsInput, text: UiText = englishUiText): string {
  const { kind, standings, outcome } = input;
  const leaders = standings.leaders;
  const first = leaders[0];
  if (!first) return text.say(outcome === "final" ? "leadNoVotes" : "leadNoVotesYet");
  const share = formatShare(first.share, text.locale);
  const onFirst = kind === "ranked" && outcome === "live";
  if (standings.tied) {
    const tied = { options: optionNames(leaders, text), votes: first.votes, share };
    if (outcome === "final") return text.say("leadTie", tied);
    return text.say(onFirst ? "leadTiedForLeadFirstPreferences" : "leadTiedForLead", tied);
  }
  const lead = { option: first.label, votes: first.votes, share };
  if (outcome === "live") return text.say(onFirst ? "leadLeadingFirstPreferences" : "leadLeading", lead);
  // A ranked question is won in the instant-runoff rounds, which may not follow first preferences.
  if (kind === "ranked") return text.say("leadMostFirstPreferences", lead);
  return text.say(kind === "single" ? "leadWinner" : "leadMostVotes", lead);
}
