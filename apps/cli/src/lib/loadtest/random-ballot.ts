/** What a random ballot needs to know of an election: its questions and their rules. */
export interface BallotRules {
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly minChoices: number;
    readonly maxChoices: number;
    readonly options: ReadonlyArray<{ readonly id: string }>;
  }>;
}

/**
 * A valid ballot with every question answered at random: as many choices as the question
 * allows (from its minimum to its maximum), in random order, which is a ranking for a ranked
 * question. Varied ballots exercise every counter of the tally, not one.
 */
export function randomBallot(
  election: BallotRules,
  random: () => number = Math.random,
): { answers: Record<string, { choices: string[] }> } {
  const answers: Record<string, { choices: string[] }> = {};
  for (const question of election.questions) {
    const shuffled = question.options.map((o) => o.id);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const most = Math.min(question.maxChoices, shuffled.length);
    const howMany = question.minChoices + Math.floor(random() * (most - question.minChoices + 1));
    answers[question.id] = { choices: shuffled.slice(0, howMany) };
  }
  return { answers };
}
