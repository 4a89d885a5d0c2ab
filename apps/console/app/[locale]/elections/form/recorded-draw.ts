import type { OptionDraft, QuestionDraft, TieRuleDraft } from "./draft";
import { moveItem } from "./list-edits";

/**
 * A recorded draw as the builder holds it: for each question (by key), the option keys in the
 * order the official put them, which may lag behind the question editor. The order sent and shown
 * is always derived from the question as it is now (drawOrder), so it can never be incomplete:
 * an option added since goes last, one removed drops out, and a question never ordered reads in
 * the ballot's order. The engine's check (tie-rule.ts, checkTieRule) then always passes.
 */
export type Draws = TieRuleDraft["draws"];

/** The question's options in the order drawn: those already ordered as ordered, then the others in ballot order. */
export function drawOrder(question: Pick<QuestionDraft, "key" | "options">, draws: Draws): OptionDraft[] {
  const byKey = new Map(question.options.map((option) => [option.key, option]));
  const drawn = (draws[question.key] ?? []).flatMap((key) => {
    const option = byKey.get(key);
    // Taken from the map as it is met, so a key listed twice cannot list its option twice.
    byKey.delete(key);
    return option ? [option] : [];
  });
  return [...drawn, ...question.options.filter((option) => byKey.has(option.key))];
}

/** The draws with one option of a question moved from one place in its draw order to another; out of range changes nothing. */
export function withDrawMove(
  draws: Draws,
  question: Pick<QuestionDraft, "key" | "options">,
  from: number,
  to: number,
): Draws {
  const order = drawOrder(question, draws).map((option) => option.key);
  return { ...draws, [question.key]: moveItem(order, from, to) };
}
