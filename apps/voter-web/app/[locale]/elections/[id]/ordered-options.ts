import type { Translate } from "../../../../i18n/english";
import type { ElectionOnPage } from "../../../../lib/election-content";

/**
 * The order one voter's ballot lists each question's options in. An election may draw it per voter
 * ("rotated" or "shuffled", against position bias); the vote API's voter.ballotOrder gives it to
 * the page, and signs the same order into the receipt at the cast. Pure, without the engine: the
 * ballot page's first load stays small.
 */

/** Per question id, its option ids in the order this voter's ballot lists them. */
export type BallotOrder = Readonly<Record<string, readonly string[]>>;

/** How the election orders its ballots: "as-listed" (the default when left out), "rotated" or "shuffled". */
export type OptionOrderRule = NonNullable<ElectionOnPage["optionOrder"]>;

/** Whether each voter's ballot lists the options in an order drawn for them. */
export const isDrawn = (rule: OptionOrderRule | undefined): rule is "rotated" | "shuffled" =>
  rule !== undefined && rule !== "as-listed";

/**
 * The one sentence under a ballot whose order was drawn for the voter, saying why their list may
 * differ from their neighbour's; none when the election lists the options as defined.
 */
export function orderNote(rule: OptionOrderRule | undefined, t: Translate): string | undefined {
  if (!isDrawn(rule)) return undefined;
  return rule === "rotated" ? t("ballot.orderRotated") : t("ballot.orderShuffled");
}

/** The voter.ballotOrder query, as far as the page has it. */
export type OrderQuery =
  | { readonly status: "pending" }
  | { readonly status: "error" }
  | { readonly status: "success"; readonly data: BallotOrder | null };

/** The order the ballot can be shown in, if it can yet. */
export type ShownOrder =
  | { readonly kind: "known"; readonly order: BallotOrder | null }
  | { readonly kind: "pending" }
  | { readonly kind: "failed" };

/**
 * An election that lists its options as defined needs no answer to be shown (the vote API's is
 * null), so it neither waits for one nor fails without one. A drawn order is waited for, so the
 * ballot does not show the election's order and then reshuffle; without it there is no ballot,
 * since the receipt would record an order the voter did not see.
 */
export function shownOrder(rule: OptionOrderRule | undefined, query: OrderQuery): ShownOrder {
  if (query.status === "success") return { kind: "known", order: query.data };
  if (!isDrawn(rule)) return { kind: "known", order: null };
  return query.status === "pending" ? { kind: "pending" } : { kind: "failed" };
}

/**
 * The options in the order given: an option the order leaves out (a copy of the election older or
 * newer than the order) comes last, in the election's order, so that every option stays on the
 * ballot; an id the question does not have, or one given twice, is ignored.
 */
export function optionsInOrder<O extends { readonly id: string }>(
  options: readonly O[],
  order: readonly string[] | undefined,
): O[] {
  if (!order) return [...options];
  const byId = new Map(options.map((o) => [o.id, o]));
  const listed: O[] = [];
  for (const id of order) {
    const option = byId.get(id);
    if (!option) continue;
    listed.push(option);
    byId.delete(id);
  }
  return [...listed, ...options.filter((o) => byId.has(o.id))];
}

/**
 * The election with each question's options in this voter's order, for the form, its problems and
 * its review alike; the election itself when there is no order.
 */
export function inBallotOrder<E extends { readonly questions: ReadonlyArray<Q> }, Q extends QuestionWithOptions>(
  election: E,
  order: BallotOrder | null,
): E {
  if (!order) return election;
  return {
    ...election,
    questions: election.questions.map((q) => ({ ...q, options: optionsInOrder(q.options, order[q.id]) })),
  };
}

interface QuestionWithOptions {
  readonly id: string;
  readonly options: ReadonlyArray<{ readonly id: string }>;
}

/** A question of a receipt's recorded order, in words: its prompt and its option labels, in that order. */
export interface RecordedOrder {
  readonly questionId: string;
  readonly prompt: string;
  readonly promptLang?: string | undefined;
  readonly labels: readonly string[];
}

/**
 * A receipt's recorded order as the voter reads it, question by question in the election's order.
 * It is shown as recorded (that is what the signature covers): an option or a question the
 * election does not have (any more) is named by its id rather than left out.
 */
export function recordedOrders(
  order: BallotOrder,
  questions: ReadonlyArray<{
    readonly id: string;
    readonly prompt: string;
    readonly promptLang?: string | undefined;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  }>,
): RecordedOrder[] {
  const known = questions.filter((q) => Object.hasOwn(order, q.id));
  const unknown = Object.keys(order).filter((id) => !questions.some((q) => q.id === id));
  return [
    ...known.map((q) => ({
      questionId: q.id,
      prompt: q.prompt,
      promptLang: q.promptLang,
      labels: order[q.id]!.map((id) => q.options.find((o) => o.id === id)?.label ?? id),
    })),
    ...unknown.map((id) => ({ questionId: id, prompt: id, labels: order[id]! })),
  ];
}
