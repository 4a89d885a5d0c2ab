"use client";

import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@landslide/api/client";
import type { Answers } from "./ballot-form";

type Election = RouterOutputs["elections"]["get"];

/** The ballot read back in words before it is cast, with the way back to change it. */
export function BallotReview({
  election,
  answers,
  sending,
  onChange,
  onCast,
}: {
  election: Election;
  answers: Answers;
  sending: boolean;
  onChange: () => void;
  onCast: () => void;
}) {
  const t = useTranslations("review");
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t("heading")}</h2>
      <ul className="card">
        {election.questions.map((q) => {
          const a = answers[q.id];
          const labels = a === "abstain" || !a ? [] : a.map((id) => q.options.find((o) => o.id === id)?.label ?? id);
          return (
            <li key={q.id}>
              {t.rich("answer", {
                prompt: q.prompt,
                answer:
                  a === "abstain"
                    ? t("abstain")
                    : q.kind === "ranked"
                      ? labels.map((l, i) => t("rankedItem", { position: i + 1, option: l })).join(t("separator"))
                      : labels.join(t("separator")),
                question: (prompt) => (
                  <strong>
                    <bdi>{prompt}</bdi>
                  </strong>
                ),
              })}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={onChange} disabled={sending}>
          {t("change")}
        </button>
        <button type="button" onClick={onCast} disabled={sending}>
          {t("cast")}
        </button>
      </div>
    </section>
  );
}
