"use client";

import { useTranslations } from "next-intl";
import type { OptionOrderDraft } from "./draft";
import { optionOrderChoices } from "./option-order-choices";
import { RuleChoices } from "./rule-choices";

/** The order each voter's ballot lists the options in: as written here, rotated or shuffled for each voter. */
export function OptionOrderEditor({
  optionOrder,
  onChange,
}: {
  optionOrder: OptionOrderDraft;
  onChange: (optionOrder: OptionOrderDraft) => void;
}) {
  const t = useTranslations();
  return (
    // Set apart from the questions above, as the tie rule is: it applies to all of them.
    <div style={{ marginTop: "1.5rem" }}>
      <RuleChoices
        legend={t("form.optionOrder.legend")}
        description={t("form.optionOrder.explained")}
        name="optionOrder"
        choices={optionOrderChoices(t)}
        value={optionOrder.rule}
        onChange={(rule) => onChange({ ...optionOrder, rule })}
      />
    </div>
  );
}
