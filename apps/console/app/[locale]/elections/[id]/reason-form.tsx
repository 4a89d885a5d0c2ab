"use client";

import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import type { Translate } from "../../../../i18n/english";

/** The API's own rule for every official action (reasonInput): at least 3 characters once trimmed. */
export const MIN_REASON_LENGTH = 3;

export function reasonProblem(reason: string, t: Translate): string | undefined {
  return reason.trim().length < MIN_REASON_LENGTH ? t("reason.tooShort", { min: MIN_REASON_LENGTH }) : undefined;
}

/** A labelled reason field; what is typed is kept in the audit trail, and the hint says so. */
export function ReasonField({
  id,
  label,
  value,
  onChange,
  problem,
  autoFocus = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  autoFocus?: boolean;
}) {
  const t = useTranslations("reason");
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        required
        minLength={MIN_REASON_LENGTH}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
      />
      <span id={hintId} className="muted" style={{ display: "block" }}>
        {t("kept")}
      </span>
      {problem ? (
        <span id={problemId} className="bad" style={{ display: "block" }}>
          {problem}
        </span>
      ) : null}
    </p>
  );
}

/**
 * An inline confirmation that asks why: a reason field and a confirm button (and Cancel when
 * the form was opened by a button). The caller runs the action and shows its outcome.
 */
export function ConfirmWithReason({
  id,
  reasonLabel,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
  disabled = false,
  confirmDescribedBy,
  autoFocus = false,
}: {
  id: string;
  reasonLabel: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel?: () => void;
  /** Set when the action cannot be taken now; `confirmDescribedBy` should then name the text that says why. */
  disabled?: boolean;
  confirmDescribedBy?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations();
  const [reason, setReason] = useState("");
  const [showProblem, setShowProblem] = useState(false);
  const problem = showProblem ? reasonProblem(reason, t) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disabled || pending) return;
    if (reasonProblem(reason, t)) {
      setShowProblem(true);
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <form id={id} onSubmit={submit} noValidate>
      {/* Only the button waits on `disabled`: the reason can be written while the last blockers clear. */}
      <ReasonField
        id={`${id}-reason`}
        label={reasonLabel}
        value={reason}
        onChange={setReason}
        problem={problem}
        autoFocus={autoFocus}
      />
      <div className="actions">
        <button type="submit" disabled={disabled || pending} aria-describedby={confirmDescribedBy}>
          {pending ? t("reason.working") : confirmLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
            {t("reason.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
