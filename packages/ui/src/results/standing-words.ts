import { formatShare, type OptionStanding, type Standings } from "./standings";

/**
 * What a question's standings say in words, so a tie or a lead is never shown by colour or bar
 * length alone. "live" while voting goes on (someone leads); "final" once the count is closed
 * (someone won). Ranked questions' live figures are first preferences: their lead says so.
 */
export type Outcome = "live" | "final";

export interface StandingWordsInput {
  readonly kind: string;
  readonly standings: Standings;
  readonly outcome: Outcome;
}

const names = (options: readonly OptionStanding[]) =>
  new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format(options.map((o) => o.label));

/** "1 vote", "1,234 votes". */
export function votesWord(votes: number): string {
  return `${votes.toLocaleString("en")} ${votes === 1 ? "vote" : "votes"}`;
}

/** "1 ballot", "1,234 ballots": never "1 ballots". */
export function ballotsWord(ballots: number): string {
  return `${ballots.toLocaleString("en")} ${ballots === 1 ? "ballot" : "ballots"}`;
}

/**
 * The short mark beside a leading option (in the table and on its bar): "Leading", "Winner",
 * "Most votes" (a multi-choice question elects no single option), "Most first preferences" (a
 * ranked question is won in its rounds), or a tie when the lead is shared.
 */
export function leaderMark({ kind, standings, outcome }: StandingWordsInput): LeaderMark {
  return { text: leaderMarkText({ kind, standings, outcome }), winner: isWinner({ kind, standings, outcome }) };
}

/** The mark's words, and whether it names a winner: a winner's badge is green wherever it shows (the runoff's too). */
export interface LeaderMark {
  readonly text: string;
  readonly winner: boolean;
}

const isWinner = ({ kind, standings, outcome }: StandingWordsInput) =>
  outcome === "final" && !standings.tied && kind === "single";

function leaderMarkText({ kind, standings, outcome }: StandingWordsInput): string {
  if (standings.tied) return outcome === "final" ? "Tied for most votes" : "Tied for the lead";
  if (outcome === "live") return "Leading";
  if (kind === "ranked") return "Most first preferences";
  return kind === "single" ? "Winner" : "Most votes";
}

/** One sentence under the question: who leads or won, with their votes and share, or that it is a tie. */
export function leadSentence(input: StandingWordsInput): string {
  const { kind, standings, outcome } = input;
  const leaders = standings.leaders;
  const first = leaders[0];
  if (!first) return outcome === "final" ? "No option received any vote." : "No votes for any option yet.";
  const figures = `${votesWord(first.votes)} (${formatShare(first.share, "en")})`;
  const onFirst = kind === "ranked" && outcome === "live" ? " on first preferences" : "";
  if (standings.tied) {
    const each = `${votesWord(first.votes)} each (${formatShare(first.share, "en")})`;
    return outcome === "final"
      ? `Tie: ${names(leaders)} have ${each}; no single option has the most votes.`
      : `Tied for the lead${onFirst}: ${names(leaders)}, ${each}.`;
  }
  if (outcome === "live") return `Leading${onFirst}: ${first.label}, ${figures}.`;
  // A ranked question is won in the instant-runoff rounds, which may not follow first preferences.
  if (kind === "ranked") return `Most first preferences: ${first.label}, ${figures}. The rounds decide the winner.`;
  return kind === "single" ? `Winner: ${first.label}, ${figures}.` : `Most votes: ${first.label}, ${figures}.`;
}
