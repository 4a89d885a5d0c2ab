"use client";

import { RadioGroup as RadixRadioGroup } from "radix-ui";
import { type ReactNode, useId } from "react";
import { classNames } from "./class-names";

export interface RadioGroupProps {
  /** The question the choices answer; names the group. */
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** The form field's name: inside a `<form>` the chosen value submits under it. */
  name?: string;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  /** "horizontal" for two or three short choices (Yes / No); they still wrap at 390 px. */
  orientation?: "vertical" | "horizontal";
  className?: string;
  children: ReactNode;
}

/**
 * One choice among a few (Radix RadioGroup): arrow keys move and choose, Tab leaves the group, and
 * every radio is the same size wherever it is used. Children are `Radio`s.
 */
export function RadioGroup({
  label,
  hint,
  error,
  orientation = "vertical",
  className,
  children,
  ...rest
}: RadioGroupProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={classNames("ls-choice-group", error ? "ls-field-invalid" : undefined, className)}>
      <span id={`${id}-label`} className="ls-label">
        {label}
        {rest.required ? <span className="ls-required"> (required)</span> : null}
      </span>
      {hint ? (
        <p id={`${id}-hint`} className="ls-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="ls-error">
          {error}
        </p>
      ) : null}
      <RadixRadioGroup.Root
        {...rest}
        orientation={orientation}
        className={classNames("ls-choices", `ls-choices-${orientation}`)}
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
        {children}
      </RadixRadioGroup.Root>
    </div>
  );
}

export interface RadioProps {
  value: string;
  label: ReactNode;
  /** A line under the label, read with the radio (what choosing it does). */
  hint?: ReactNode;
  disabled?: boolean;
}

/** One choice of a RadioGroup: a radio and its clickable label. */
export function Radio({ value, label, hint, disabled }: RadioProps) {
  const id = useId();
  return (
    <div className="ls-choice">
      <RadixRadioGroup.Item
        id={id}
        value={value}
        disabled={disabled}
        className="ls-radio"
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        <RadixRadioGroup.Indicator className="ls-radio-dot" />
      </RadixRadioGroup.Item>
      <span className="ls-choice-text">
        <label htmlFor={id} className="ls-choice-label">
          {label}
        </label>
        {hint ? (
          <span id={`${id}-hint`} className="ls-hint">
            {hint}
          </span>
        ) : null}
      </span>
    </div>
  );
}
