import { cloneElement, type ReactElement, type ReactNode, useId } from "react";
import { classNames } from "./class-names";

/** What Field gives its control so the label, the hint and the error are read with it. */
export interface FieldControlProps {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  /** Said under the label and read with the control: what to type, in what form. */
  hint?: ReactNode;
  /** What is wrong with the value; marks the control invalid. */
  error?: ReactNode;
  /** Adds "(required)" to the label and `required` to the control. */
  required?: boolean;
  /** The control's id when the page needs a known one (a link to it); generated otherwise. */
  id?: string;
  className?: string;
  children: ReactElement<FieldControlProps>;
}

/**
 * A label, an optional hint and error, and one control (Input, Textarea, Select or a native
 * element), wired by ids: the label names the control and the hint and error describe it.
 */
export function Field({ label, hint, error, required, id, className, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? children.props.id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [children.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  // The contract is `<Field label>{control}</Field>`: the one child gets the ids, whatever control it is.
  // eslint-disable-next-line @eslint-react/no-clone-element -- a render prop would make every form longer
  const control = cloneElement(children, {
    id: controlId,
    "aria-describedby": describedBy,
    ...(error ? { "aria-invalid": true } : {}),
    ...(required ? { required: true } : {}),
  });
  return (
    <div className={classNames("ls-field", error ? "ls-field-invalid" : undefined, className)}>
      <label className="ls-label" htmlFor={controlId}>
        {label}
        {required ? <span className="ls-required"> (required)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="ls-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="ls-error">
          {error}
        </p>
      ) : null}
      {control}
    </div>
  );
}
