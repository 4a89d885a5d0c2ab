"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { ElectionOnPage } from "../../../../lib/election-content";
import type { Answers } from "./ballot-form";

type Election = ElectionOnPage;

/**
 * The ballot read back in words before it is cast, with the way back to change it. It replaces the
 * form whose button was pressed: focus goes to its heading, where reading it starts. While the
 * ballot is sent the buttons say they are busy (aria-disabled, not disabled: a disabled button
 * loses focus, and the keyboard would start again from the top of the page).
 */
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const unlessSending = (action: () => void) => () => {
    if (!sending) action();
  };
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading" ref={headingRef} tabIndex={-1}>
        {t("heading")}
      </h2>
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
                    <bdi lang={q.promptLang}>{prompt}</bdi>
                  </strong>
                ),
              })}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={unlessSending(onChange)} aria-disabled={sending}>
          {t("change")}
        </button>
        <button type="button" onClick={unlessSending(onCast)} aria-disabled={sending} aria-busy={sending}>
          {t("cast")}
        </button>
      </div>
    </section>
  );
}
