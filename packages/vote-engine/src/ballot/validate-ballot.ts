import type { Election, Question } from "../election/definition";
import { scoreRangeOf } from "../election/score-range";
import { fail, ok, type Result } from "../result";
import { type Answer, type Ballot, BALLOT_LIMITS, ballotSchema } from "./ballot-schema";

/**
 * A ballot that passed every rule, in canonical form: questions in the election's order,
 * single and multi-select choices in the election's option order (their order carries no
 * meaning), rankings in the voter's order, scores for every option in the election's option
 * order (an option the voter left out at the lowest score). Two ballots mean the same exactly
 * when their canonical forms are equal, which is what idempotency and commitments rely on.
 */
export type CanonicalAnswer =
  | "abstain"
  | { readonly choices: readonly string[] }
  | { readonly ranking: readonly string[] }
  | { readonly scores: Readonly<Record<string, number>> };
export type CanonicalBallot = ReadonlyArray<readonly [questionId: string, answer: CanonicalAnswer]>;

/** Checks shape, size and every domain rule; reports the first violation with its own code. */
export function validateBallot(election: Election, input: unknown): Result<CanonicalBallot> {
  const size = approximateSize(input);
  if (size > BALLOT_LIMITS.bytes) {
    return fail("BALLOT_TOO_LARGE", `A ballot may be at most ${BALLOT_LIMITS.bytes} bytes.`, { bytes: size });
  }
  const parsed = ballotSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail("INVALID_BALLOT", "The ballot is not in the expected form.", {
      path: issue?.path.join("."),
      problem: issue?.message,
    });
  }
  const ballot: Ballot = parsed.data;
  const unknown = Object.keys(ballot.answers).find((id) => !election.questions.some((q) => q.id === id));
  if (unknown !== undefined)
    return fail("UNKNOWN_QUESTION", `This election has no question "${unknown}".`, { questionId: unknown });

  const canonical: Array<readonly [string, CanonicalAnswer]> = [];
  for (const question of election.questions) {
    const answer = ballot.answers[question.id];
    if (answer === undefined) {
      return fail("MISSING_ANSWER", `Answer "${question.prompt}"${election.allowAbstain ? " or abstain" : ""}.`, {
        questionId: question.id,
      });
    }
    const checked = checkAnswer(question, answer, election.allowAbstain);
    if (!checked.ok) return checked;
    canonical.push([question.id, checked.value]);
  }
  return ok(canonical);
}

function checkAnswer(question: Question, answer: Answer, allowAbstain: boolean): Result<CanonicalAnswer> {
  const at = { questionId: question.id };
  if ("abstain" in answer) {
    return allowAbstain ? ok("abstain") : fail("ABSTAIN_NOT_ALLOWED", "This election does not allow abstaining.", at);
  }
  if ((question.kind === "score") !== "scores" in answer) {
    return fail(
      "INVALID_BALLOT",
      question.kind === "score"
        ? "This question takes a score for each option."
        : "This question takes choices, not scores.",
      { ...at, problem: "wrong-answer-form" },
    );
  }
  if ("scores" in answer) return checkScores(question, answer.scores);
  const order = optionOrder(question);
  const seen = new Set<string>();
  for (const choice of answer.choices) {
    if (!order.has(choice))
      return fail("UNKNOWN_OPTION", `"${choice}" is not an option of this question.`, { ...at, optionId: choice });
    if (seen.has(choice))
      return fail("DUPLICATE_OPTION", `"${choice}" is chosen more than once.`, { ...at, optionId: choice });
    seen.add(choice);
  }
  const { min, max } = choiceBounds(question);
  if (answer.choices.length < min) {
    return fail("TOO_FEW_CHOICES", min === 1 ? "Choose an option." : `Choose at least ${min} options.`, {
      ...at,
      min,
      chosen: answer.choices.length,
    });
  }
  if (answer.choices.length > max) {
    return fail("TOO_MANY_CHOICES", max === 1 ? "Choose only one option." : `Choose at most ${max} options.`, {
      ...at,
      max,
      chosen: answer.choices.length,
    });
  }
  // A ranking says so, so that counting needs nothing but the ballot itself.
  if (question.kind === "ranked") return ok({ ranking: [...answer.choices] });
  return ok({ choices: [...answer.choices].sort((a, b) => order.get(a)! - order.get(b)!) });
}

/** A score question's answer: known options, whole scores within its range, at least one above the lowest. */
function checkScores(question: Question, given: Readonly<Record<string, number>>): Result<CanonicalAnswer> {
  const at = { questionId: question.id };
  const { min, max } = scoreRangeOf(question);
  const order = optionOrder(question);
  for (const [optionId, score] of Object.entries(given)) {
    if (!order.has(optionId))
      return fail("UNKNOWN_OPTION", `"${optionId}" is not an option of this question.`, { ...at, optionId });
    if (!Number.isInteger(score) || score < min || score > max) {
      return fail("INVALID_BALLOT", `Scores on this question are whole numbers from ${min} to ${max}.`, {
        ...at,
        optionId,
        problem: "score-out-of-range",
      });
    }
  }
  // Scoring nothing above the lowest says nothing: the count would take it as an abstention.
  if (!Object.values(given).some((score) => score > min)) {
    return fail("TOO_FEW_CHOICES", `Give at least one option a score above ${min}.`, { ...at, min: 1, chosen: 0 });
  }
  // `+ 0` makes a -0 a 0, so two ballots that mean the same encode the same.
  return ok({ scores: Object.fromEntries(question.options.map((o) => [o.id, (given[o.id] ?? min) + 0])) });
}

// Built once per question object rather than on every ballot: validation is on the hot path.
const optionOrders = new WeakMap<Question, ReadonlyMap<string, number>>();
function optionOrder(question: Question): ReadonlyMap<string, number> {
  let order = optionOrders.get(question);
  if (!order) {
    order = new Map(question.options.map((option, index) => [option.id, index]));
    optionOrders.set(question, order);
  }
  return order;
}

/** A single-choice question takes exactly one option whatever its stored bounds say. */
function choiceBounds(question: Question): { min: number; max: number } {
  if (question.kind === "single") return { min: 1, max: 1 };
  return { min: Math.max(1, question.minChoices), max: question.maxChoices };
}

function approximateSize(input: unknown): number {
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
