import { type ScoreRange, scoreRangeOf } from "@landslide/vote-engine";

/** What a random ballot needs to know of an election: its questions and their rules. */
export interface BallotRules {
  readonly questions: ReadonlyArray<{
    readonly id: string;
    /** Left out: a question of choices (single, multi or ranked). */
    readonly kind?: string;
    readonly minChoices: number;
    readonly maxChoices: number;
    /** A score question's range; left out, the default (0 to 5). */
    readonly scoreRange?: ScoreRange | undefined;
    readonly options: ReadonlyArray<{ readonly id: string }>;
  }>;
}

export type RandomAnswer = { choices: string[] } | { scores: Record<string, number> };

/**
 * A valid ballot with every question answered at random: as many choices as the question
 * allows (from its minimum to its maximum), in random order, which is a ranking for a ranked
 * question; on a score question, a whole-number score within its range for every option, at
 * least one above the lowest (a ballot scoring nothing is refused). Varied ballots exercise every
 * counter of the tally, not one.
 */
export function randomBallot(
  election: BallotRules,
  random: () => number = Math.random,
): { answers: Record<string, RandomAnswer> } {
  const answers: Record<string, RandomAnswer> = {};
  for (const question of election.questions) {
    if (question.kind === "score") {
      answers[question.id] = { scores: randomScores(question.options, scoreRangeOf(question), random) };
      continue;
    }
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

/** Every option scored at random within the range; when all drew the lowest, one option at random scores above it. */
function randomScores(
  options: ReadonlyArray<{ readonly id: string }>,
  { min, max }: ScoreRange,
  random: () => number,
): Record<string, number> {
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const scores = Object.fromEntries(options.map((o) => [o.id, between(min, max)]));
  if (options.length > 0 && Object.values(scores).every((score) => score === min)) {
    scores[options[Math.floor(random() * options.length)]!.id] = between(min + 1, max);
  }
  return scores;
}
