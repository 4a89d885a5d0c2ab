"use client";

import { Checkbox as RadixCheckbox } from "radix-ui";
import { type ReactNode, useId } from "react";
import { classNames } from "./class-names";

export interface CheckboxProps {
  label: ReactNode;
  hint?: ReactNode;
  /** true, false, or "indeterminate" (some of a list chosen). */
  checked?: boolean | "indeterminate";
  defaultChecked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  /** The form field's name: inside a `<form>` it submits `value` ("on" unless told) when checked. */
  name?: string;
  value?: string;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  className?: string;
}

/** A yes/no choice with its clickable label (Radix Checkbox): Space toggles it, same size as a radio. */
export function Checkbox({ label, hint, onCheckedChange, id, className, ...rest }: CheckboxProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  return (
    <div className={classNames("ls-choice", className)}>
      <RadixCheckbox.Root
        {...rest}
        id={controlId}
        className="ls-checkbox"
        aria-describedby={hint ? `${controlId}-hint` : undefined}
        // Radix reports "indeterminate" too; a click always settles on true or false.
        onCheckedChange={onCheckedChange ? (state) => onCheckedChange(state === true) : undefined}
      >
        <RadixCheckbox.Indicator className="ls-checkbox-mark">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            {rest.checked === "indeterminate" ? <path d="M3.5 8h9" /> : <path d="M3.5 8.5l3 3 6-7" />}
          </svg>
        </RadixCheckbox.Indicator>
      </RadixCheckbox.Root>
      <span className="ls-choice-text">
        <label htmlFor={controlId} className="ls-choice-label">
          {label}
        </label>
        {hint ? (
          <span id={`${controlId}-hint`} className="ls-hint">
            {hint}
          </span>
        ) : null}
      </span>
    </div>
  );
}
