"use client";

import { type CSSProperties, type ReactNode, useId } from "react";

interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field once the official tried to submit; also marks the field invalid. */
  error?: string | undefined;
  hint?: ReactNode;
  multiline?: boolean;
  required?: boolean;
  /** For the wrapper, e.g. to size the field inside a row of fields. */
  style?: CSSProperties;
  /** The language of what is typed, when it is not the page's (a translation): spell-checking and screen readers follow it. */
  lang?: string | undefined;
}

/** A labelled text input (or text area) with its hint and its problem tied to it for screen readers. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  multiline = false,
  required = false,
  style,
  lang,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  const shared = {
    id,
    value,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    ...(lang ? { lang, dir: "auto" } : {}),
  };
  return (
    <div style={{ marginBottom: "1rem", ...style }}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted" style={{ margin: "0 0 0.25rem" }}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...shared} rows={4} onChange={(event) => onChange(event.target.value)} style={textArea} />
      ) : (
        <input type="text" {...shared} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** styles.css styles text inputs only; the text area borrows their look. */
const textArea: CSSProperties = {
  display: "block",
  width: "100%",
  padding: "0.5rem 0.6rem",
  border: "1px solid var(--muted)",
  borderRadius: "0.375rem",
  font: "inherit",
};

/** A field's problem, referenced by the field's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="bad" style={{ margin: "0.25rem 0 0" }}>
      {message}
    </p>
  );
}
