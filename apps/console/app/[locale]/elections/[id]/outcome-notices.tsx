"use client";

import { useTranslations } from "next-intl";
import { failureMessage } from "./failure-message";

/** After an official's change: what went wrong (an alert), or what was done (a status). */
export function OutcomeNotices({
  error,
  unanswered,
  done,
}: {
  error: unknown;
  unanswered: string;
  done: string | undefined;
}) {
  const t = useTranslations();
  return (
    <>
      {error ? (
        <p className="notice" role="alert">
          {failureMessage(error, unanswered, t)}
        </p>
      ) : null}
      {done ? (
        <p className="notice ok" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}
