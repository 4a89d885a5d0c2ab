import type { CountResult } from "@landslide/vote-engine";

/**
 * A question's count in the JSON shape certified ranked-choice tabulators publish their
 * round-by-round reports in (RCTab's summary, the "universal tabulator" format of the rcvformats
 * project): `config` names the contest, `results` lists each round's tally and who was elected or
 * eliminated with the votes that moved. Outside tools (rcvformats, RCVis, the tabulators' own
 * comparison scripts) read it, so a Landslide count can be checked or drawn without Landslide.
 * Candidates are named by their labels, as those reports name them; votes are decimal strings.
 */
export interface TabulatorSummary {
  readonly config: {
    readonly contest: string;
    /** The day the count was made (YYYY-MM-DD). */
    readonly date: string;
    readonly office?: string;
    /** The quota, for a count that has one (STV): the last round's. */
    readonly threshold?: string;
  };
  readonly results: ReadonlyArray<{
    readonly round: number;
    readonly tally: Readonly<Record<string, string>>;
    readonly tallyResults: ReadonlyArray<
      ({ readonly elected: string } | { readonly eliminated: string }) & {
        readonly transfers: Readonly<Record<string, string>>;
      }
    >;
  }>;
}

export interface TabulatorContest {
  /** The election's title. */
  readonly title: string;
  readonly question: {
    readonly prompt: string;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  };
}

export function tabulatorSummary(contest: TabulatorContest, count: CountResult, countedAt: Date): TabulatorSummary {
  const label = (id: string) => contest.question.options.find((o) => o.id === id)?.label ?? id;
  const votes = (tallies: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(tallies).map(([id, n]) => [label(id), decimal(n)]));
  const quota = count.rounds.findLast((r) => r.quota !== undefined)?.quota;
  return {
    config: {
      contest: `${contest.title}: ${contest.question.prompt}`,
      date: countedAt.toISOString().slice(0, 10),
      office: contest.question.prompt,
      ...(quota === undefined ? {} : { threshold: decimal(quota) }),
    },
    results: count.rounds.map((round) => {
      const movedFrom = (id: string) => {
        const moved = round.transfers?.find((t) => t.from === id);
        if (!moved) return {};
        // Only where votes went, as the tabulators write it: a continuing option that got none is left out.
        const received = Object.fromEntries(Object.entries(moved.to).filter(([, n]) => n > 0));
        return { ...votes(received), ...(moved.exhausted > 0 ? { exhausted: decimal(moved.exhausted) } : {}) };
      };
      return {
        round: round.round,
        tally: votes(round.tallies),
        tallyResults: [
          ...round.elected.map((id) => ({ elected: label(id), transfers: movedFrom(id) })),
          ...round.eliminated.map((id) => ({ eliminated: label(id), transfers: movedFrom(id) })),
        ],
      };
    }),
  };
}

/**
 * A vote count as the format writes it: digits and at most one point, never an exponent ("1e-7"
 * is refused by its schema); STV's fractional votes to nine places, trailing zeros dropped.
 */
function decimal(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(9).replace(/0+$/, "").replace(/\.$/, "");
}
