"use client";

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
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Check your ballot</h2>
      <ul className="card">
        {election.questions.map((q) => {
          const a = answers[q.id];
          const labels = a === "abstain" || !a ? [] : a.map((id) => q.options.find((o) => o.id === id)?.label ?? id);
          return (
            <li key={q.id}>
              <strong>{q.prompt}</strong>:{" "}
              {a === "abstain"
                ? "abstain"
                : q.kind === "ranked"
                  ? labels.map((l, i) => `${i + 1}. ${l}`).join(", ")
                  : labels.join(", ")}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={onChange} disabled={sending}>
          Change my answers
        </button>
        <button type="button" onClick={onCast} disabled={sending}>
          Cast my ballot
        </button>
      </div>
    </section>
  );
}
