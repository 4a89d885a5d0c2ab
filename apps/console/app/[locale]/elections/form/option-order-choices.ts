import type { Translate } from "../../../../i18n/english";
import type { RuleChoice } from "../election-rules";
import type { OptionOrderRule } from "./draft";

/**
 * The order each voter's ballot lists a question's options in (vote-engine option-order.ts), as
 * the builder offers it. Voters favour the options listed first; a drawn order spreads that
 * favour: rotated keeps the options' neighbours and gives each the top place about equally often,
 * shuffled gives each voter an order of their own. The draw is the voter's every time they look,
 * and their receipt records it.
 */

/** The rules the engine takes (optionOrderRules), the default first: the console reaches the engine only through the API. */
const OPTION_ORDERS = ["as-listed", "rotated", "shuffled"] as const satisfies readonly OptionOrderRule[];

export function optionOrderChoices(t: Translate): ReadonlyArray<RuleChoice<OptionOrderRule>> {
  return OPTION_ORDERS.map((value) => ({
    value,
    label: t(`form.optionOrder.rules.${value}.label`),
    hint: t(`form.optionOrder.rules.${value}.hint`),
  }));
}

/** Whether voters may see the options in another order than the one written in the form (and shown in the preview). */
export const isDrawnOrder = (rule: OptionOrderRule): boolean => rule !== "as-listed";
