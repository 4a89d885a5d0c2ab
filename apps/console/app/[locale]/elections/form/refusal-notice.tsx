"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { refusalOf } from "@landslide/api/client";
import type { Translate } from "../../../../i18n/english";
import { refusalSentence } from "../[id]/failure-message";

/**
 * Why the API refused a call, announced as an alert. Input refusals (INVALID_INPUT) carry a list
 * of issues in `error.data.issues` that `refusalOf` does not pass on, and their message is the
 * raw validation dump, so they are listed here in words instead. `children` say what the refusal
 * means for the page (what was done, what to do next).
 */
export function RefusalNotice({
  error,
  unanswered,
  children,
}: {
  error: unknown;
  unanswered: string;
  children?: ReactNode;
}) {
  const t = useTranslations();
  const refusal = refusalOf(error);
  const issues = inputIssuesOf(error);
  const message = !refusal
    ? unanswered
    : refusal.reason === "INVALID_INPUT"
      ? t("form.refusal.notAccepted")
      : refusalSentence(refusal, t);
  return (
    <div className="notice" role="alert">
      <p style={{ margin: 0 }}>{message}</p>
      {refusal?.reason === "INVALID_INPUT" && issues.length > 0 ? (
        <ul style={{ marginBottom: 0 }}>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path
                ? t("form.refusal.issue", { where: describePath(issue.path, t), message: issue.message })
                : issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {children ? <p style={{ marginBottom: 0 }}>{children}</p> : null}
    </div>
  );
}

interface InputIssue {
  path: string;
  message: string;
}

/** `error.data.issues` of a tRPC error, checked at run time: it is not part of the typed error. */
function inputIssuesOf(error: unknown): InputIssue[] {
  const data = typeof error === "object" && error !== null && "data" in error ? error.data : undefined;
  const issues = typeof data === "object" && data !== null && "issues" in data ? data.issues : undefined;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) =>
    typeof issue === "object" && issue !== null && "message" in issue && typeof issue.message === "string"
      ? [{ path: "path" in issue && typeof issue.path === "string" ? issue.path : "", message: issue.message }]
      : [],
  );
}

/**
 * "election.questions.0.options.2.label" → "question 1, option 3, label": positions as the form
 * numbers them, in the page's words; a field's own name (the API's) stays as it came.
 */
function describePath(path: string, t: Translate): string {
  const parts = path.split(".").filter((part) => part !== "election");
  const words: string[] = [];
  for (let at = 0; at < parts.length; at += 1) {
    const part = parts[at]!;
    const next = parts[at + 1];
    if ((part === "questions" || part === "options") && next !== undefined && /^\d+$/.test(next)) {
      words.push(
        t(part === "questions" ? "form.refusal.question" : "form.refusal.option", { number: Number(next) + 1 }),
      );
      at += 1;
    } else {
      words.push(part);
    }
  }
  return words.join(t("form.refusal.separator"));
}
