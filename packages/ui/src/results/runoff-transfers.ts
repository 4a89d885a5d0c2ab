import { englishUiText, type UiText } from "../text/ui-text";

/**
 * An instant-runoff count told as a flow between rounds: after each round the eliminated option's
 * ballots move to their next choice still in the count, or run out of choices. The count carries
 * only each round's tallies, but exactly one option leaves per round, so what each continuing
 * option gained between two rounds is what it received from the one eliminated.
 */
export interface RunoffRound {
  readonly round: number;
  readonly tallies: Readonly<Record<string, number>>;
  /** Ballots with no option left in the count, cumulative. */
  readonly exhausted: number;
  readonly eliminated: readonly string[];
  /** Set when a tie for fewest votes was broken by the published rule. */
  readonly tieBreak?: string;
}

export interface RunoffCount {
  readonly rounds: readonly RunoffRound[];
  readonly winner: string | null;
}

interface Labelled {
  readonly id: string;
  readonly label: string;
}

export interface Transfer {
  /** The round after which the option was eliminated. */
  readonly afterRound: number;
  readonly eliminated: { readonly label: string; readonly votes: number };
  /** Who received its ballots, most first; options that received none are left out. */
  readonly to: ReadonlyArray<{ readonly label: string; readonly votes: number }>;
  /** Its ballots that ranked no option still in the count. */
  readonly exhausted: number;
  readonly tieBroken: boolean;
}

export function runoffTransfers(
  options: readonly Labelled[],
  { rounds }: RunoffCount,
  text: UiText = englishUiText,
): Transfer[] {
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? text.say("runoffGoneOption");
  const transfers: Transfer[] = [];
  rounds.forEach((round, at) => {
    const next = rounds[at + 1];
    const out = round.eliminated[0];
    if (!next || out === undefined) return;
    const to = Object.keys(next.tallies)
      .map((id) => ({ label: label(id), votes: next.tallies[id]! - (round.tallies[id] ?? 0) }))
      .filter((t) => t.votes > 0)
      .sort((a, b) => b.votes - a.votes);
    transfers.push({
      afterRound: round.round,
      eliminated: { label: label(out), votes: round.tallies[out] ?? 0 },
      to,
      exhausted: next.exhausted - round.exhausted,
      tieBroken: round.tieBreak !== undefined,
    });
  });
  return transfers;
}

/** The winner's standing in the last round: its votes, and the ballots still in the count then. */
export function winningRound({
  rounds,
  winner,
}: RunoffCount): { round: number; votes: number; of: number } | undefined {
  const last = rounds.at(-1);
  if (!last || winner === null) return undefined;
  const of = Object.values(last.tallies).reduce((sum, votes) => sum + votes, 0);
  return { round: last.round, votes: last.tallies[winner] ?? 0, of };
}

/** "After round 1, Tomas Berg was eliminated with 2 votes: 1 vote to Ines Duarte, 1 ranked no one still in the count." */
export function transferSentence(t: Transfer, text: UiText = englishUiText): string {
  const moved = t.to.map((to, at) =>
    text.say(at === 0 ? "transferFirst" : "transferNext", { votes: to.votes, option: to.label }),
  );
  const exhausted = t.exhausted > 0 ? [text.say("transferExhausted", { count: t.exhausted })] : [];
  const parts = [...moved, ...exhausted];
  const said = {
    round: t.afterRound,
    option: t.eliminated.label,
    votes: t.eliminated.votes,
    tie: t.tieBroken ? ("broken" as const) : ("none" as const),
  };
  return parts.length > 0
    ? text.say("transfer", { ...said, moves: parts.join(text.say("listSeparator")) })
    : text.say("transferNoMoves", said);
}
