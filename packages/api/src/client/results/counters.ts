/**
 * The tally's counter names (as in packages/vote-engine/src/tally/counter-keys.ts, repeated here
 * so that browsers need not load the engine) and what each means to people. The recount, the live snapshot
 * and the exports all speak in these counters, so they line up row for row.
 */
export const TURNOUT = "__turnout";
export const QUARANTINED = "__quarantined";
export const ABSTAIN = "__abstain";
/** Σ(weight − 1) over counted ballots: turnout plus this is the votes' worth a weighted roll's voters cast. */
export const EXTRA_WEIGHT = "__extra_weight";
export const optionCounter = (questionId: string, optionId: string) => `${questionId}#${optionId}`;

/** What the counters are shaped by: the election's questions and their options, in ballot order. */
export interface BallotShape {
  readonly questions: ReadonlyArray<{
    readonly id: string;
    /** A score question's option counters add scores, not votes, and are named so. */
    readonly kind?: string;
    readonly prompt: string;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  }>;
}

export interface NamedCounter {
  readonly counter: string;
  /** Set on a question's counters (its options and abstentions). */
  readonly question?: { readonly id: string; readonly prompt: string };
  /** Set on an option's counter. */
  readonly optionId?: string;
  /** Within its question: "Amara Okonkwo", "Abstained"; or "Ballots counted (turnout)". */
  readonly name: string;
  /** On its own: "Chair: Amara Okonkwo". */
  readonly label: string;
}

/**
 * Every counter the election's tally keeps, in ballot order: turnout and held first (with the
 * weight beyond one vote a ballot when the roll is weighted), then each question's options and
 * abstentions.
 */
export function countersOf(ballot: BallotShape, { weighted = false }: { weighted?: boolean } = {}): NamedCounter[] {
  const total = (counter: string, name: string): NamedCounter => ({ counter, name, label: name });
  return [
    total(TURNOUT, "Ballots counted (turnout)"),
    ...(weighted ? [total(EXTRA_WEIGHT, "Votes beyond one a ballot (weighted roll)")] : []),
    total(QUARANTINED, "Held for review (not counted)"),
    ...ballot.questions.flatMap((q) => {
      const question = { id: q.id, prompt: q.prompt };
      return [
        ...q.options.map((o) => {
          const name = q.kind === "score" ? `${o.label} (total score)` : o.label;
          return { counter: optionCounter(q.id, o.id), question, optionId: o.id, name, label: `${q.prompt}: ${name}` };
        }),
        { counter: optionCounter(q.id, ABSTAIN), question, name: "Abstained", label: `${q.prompt}: abstained` },
      ];
    }),
  ];
}

/** The live tally's counters, read back from a snapshot (which is built from exactly these). */
export function liveCounters(snapshot: {
  readonly turnout: number;
  readonly weightedVotes?: number;
  readonly quarantined: number;
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly abstentions: number;
    readonly options: ReadonlyArray<{ readonly id: string; readonly votes: number }>;
  }>;
}): Record<string, number> {
  const counters: Record<string, number> = { [TURNOUT]: snapshot.turnout, [QUARANTINED]: snapshot.quarantined };
  if (snapshot.weightedVotes !== undefined) counters[EXTRA_WEIGHT] = snapshot.weightedVotes - snapshot.turnout;
  for (const q of snapshot.questions) {
    for (const o of q.options) counters[optionCounter(q.id, o.id)] = o.votes;
    counters[optionCounter(q.id, ABSTAIN)] = q.abstentions;
  }
  return counters;
}
