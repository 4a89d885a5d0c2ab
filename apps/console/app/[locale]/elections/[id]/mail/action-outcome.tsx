"use client";

import { useTranslations } from "next-intl";
import { failureMessage } from "../failure-message";

/**
 * What became of an official's action (schedule, cancel, send again), in live regions that are on
 * the page from the start, so a screen reader hears the outcome when it is written into them.
 */
export function ActionOutcome({
  error,
  unanswered,
  done,
}: {
  error: unknown;
  /** Said when the call got no answer at all. */
  unanswered: string;
  done: string | undefined;
}) {
  const t = useTranslations();
  return (
    <>
      <div role="alert">{error ? <p className="notice bad">{failureMessage(error, unanswered, t)}</p> : null}</div>
      <div role="status">{done ? <p className="notice ok">{done}</p> : null}</div>
    </>
  );
}
