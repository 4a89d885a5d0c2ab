"use client";

import { useTranslations } from "next-intl";
import type { Receipt } from "@landslide/api/client";
import { recordedOrders } from "./ordered-options";

/** The election's questions, as the page shows them: to name the options of the receipt's recorded order. */
export type ReceiptQuestions = Parameters<typeof recordedOrders>[1];

/**
 * The order the voter's ballot listed the options in, when the election drew one for them: the
 * receipt's signature covers it, so it is what the voter can later show they were given. Folded
 * away under one sentence, question by question, with the labels in that order.
 */
export function RecordedOrder({
  order,
  questions,
}: {
  order: NonNullable<Receipt["optionOrder"]>;
  questions: ReceiptQuestions;
}) {
  const t = useTranslations("receipt");
  const say = useTranslations();
  return (
    <>
      <p>{t("orderRecorded")}</p>
      <details>
        <summary>{t("orderShow")}</summary>
        <ul>
          {recordedOrders(order, questions).map((q) => (
            <li key={q.questionId}>
              {t.rich("orderQuestion", {
                prompt: q.prompt,
                options: q.labels.join(say("review.separator")),
                question: (prompt) => (
                  <strong>
                    <bdi lang={q.promptLang}>{prompt}</bdi>
                  </strong>
                ),
              })}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
