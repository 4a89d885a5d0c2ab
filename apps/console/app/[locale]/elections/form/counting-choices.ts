import type { Translate } from "../../../../i18n/english";
import type { RuleChoice } from "../election-rules";
import type { CountingDraft, CountingMethod, QuestionDraft, QuestionKind } from "./draft";

/**
 * How a question may be counted: the engine's rules (vote-engine counting-rules.ts and each
 * method's `multiSeat`) as the builder needs them, since the console reaches the engine only
 * through the API. Score voting and STAR read score questions' ballots only, and nothing else
 * reads those.
 */

/** The methods that read each kind's ballots, its default (what a question naming none is counted by) first. */
const METHODS_BY_KIND = {
  single: ["plurality"],
  multi: ["approval"],
  ranked: ["instant-runoff", "stv-meek", "stv-scottish", "schulze", "ranked-pairs", "borda"],
  score: ["score", "star"],
} as const satisfies Record<QuestionKind, readonly CountingMethod[]>;

export type OfferedMethod = (typeof METHODS_BY_KIND)[QuestionKind][number];

/**
 * The methods that may elect more than one option; the others (instant runoff, the Condorcet
 * methods, and STAR, whose runoff is between two) elect one.
 */
const SEVERAL_SEATS: ReadonlySet<CountingMethod> = new Set<CountingMethod>([
  "plurality",
  "approval",
  "stv-meek",
  "stv-scottish",
  "borda",
  "score",
]);

export const methodsFor = (kind: QuestionKind): readonly OfferedMethod[] => METHODS_BY_KIND[kind];

export const fillsSeveralSeats = (method: CountingMethod): boolean => SEVERAL_SEATS.has(method);

/** Whether a question of `kind` may be counted by `method`. */
export const isOffered = (kind: QuestionKind, method: CountingMethod): method is OfferedMethod =>
  (METHODS_BY_KIND[kind] as readonly CountingMethod[]).includes(method);

/** What a question of `kind` that names no method is counted by: its kind's method, one seat. */
export function defaultCounting(kind: QuestionKind): CountingDraft {
  return { method: METHODS_BY_KIND[kind][0], seats: 1, batchElimination: false };
}

/** Whether the API would count the question the same way with no `counting` sent at all. */
export function isDefaultCounting({ kind, counting }: Pick<QuestionDraft, "kind" | "counting">): boolean {
  return counting.method === METHODS_BY_KIND[kind][0] && counting.seats === 1 && !counting.batchElimination;
}

/** A new kind keeps a method that still reads its ballots; one that no longer does goes back to the kind's default. */
export function countingForKind(counting: CountingDraft, kind: QuestionKind): CountingDraft {
  return isOffered(kind, counting.method) ? counting : defaultCounting(kind);
}

/**
 * Another method: the seats typed so far stay when it fills several, else one (the seats field is
 * then hidden, and a hidden number the official could not fix must not block the save); batch
 * elimination goes with instant runoff only.
 */
export function withMethod(counting: CountingDraft, method: CountingMethod): CountingDraft {
  return {
    method,
    seats: fillsSeveralSeats(method) ? counting.seats : 1,
    batchElimination: method === "instant-runoff" && counting.batchElimination,
  };
}

/** The methods a question of `kind` may be counted by, in plain words, each with what voters do and who wins. */
export function methodChoices(kind: QuestionKind, t: Translate): ReadonlyArray<RuleChoice<OfferedMethod>> {
  return methodsFor(kind).map((value) => ({
    value,
    label: t(`form.counting.methods.${value}.label`),
    hint: t(`form.counting.methods.${value}.hint`),
  }));
}

/**
 * One sentence on how the question will be counted ("Voters rank the options; 3 seats are filled
 * by …"), or undefined while the seats are not a number yet (the field says what is wrong).
 */
export function countingPreview({ kind, counting }: Pick<QuestionDraft, "kind" | "counting">, t: Translate) {
  const { method, seats, batchElimination } = counting;
  if (!isOffered(kind, method) || !Number.isInteger(seats) || seats < 1) return undefined;
  const sentence = t(`form.counting.preview.${method}`, { seats });
  return method === "instant-runoff" && batchElimination
    ? `${sentence} ${t("form.counting.preview.batchElimination")}`
    : sentence;
}
