"use client";

import { useId } from "react";
import type { RuleChoice } from "../election-rules";
import { legendLikeLabel, plainFieldset, wrappingChoice, wrappingChoiceInput } from "./styles";
import { FieldError } from "./text-field";

interface RuleChoicesProps<T extends string> {
  legend: string;
  /** Said once under the legend and read out with it (what the choice is about). */
  description?: string;
  name: string;
  choices: ReadonlyArray<RuleChoice<T>>;
  value: T;
  onChange: (value: T) => void;
  /** What is wrong with the choice made; read out with the group, and the chosen radio is marked invalid. */
  error?: string | undefined;
}

/** One of an election's rules as radio buttons, each with its trade-off beside it. */
export function RuleChoices<T extends string>({
  legend,
  description,
  name,
  choices,
  value,
  onChange,
  error,
}: RuleChoicesProps<T>) {
  const descriptionId = useId();
  const errorId = useId();
  const describedBy =
    [description ? descriptionId : undefined, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset style={plainFieldset} aria-describedby={describedBy}>
      <legend style={legendLikeLabel}>{legend}</legend>
      {description ? (
        <p id={descriptionId} className="muted" style={{ margin: "0 0 0.25rem" }}>
          {description}
        </p>
      ) : null}
      {choices.map((choice) => (
        <label key={choice.value} className="choice" style={wrappingChoice}>
          <input
            type="radio"
            style={wrappingChoiceInput}
            name={name}
            value={choice.value}
            checked={value === choice.value}
            // The chosen one: after a refused save, the form's focus lands on the choice to change.
            aria-invalid={error && value === choice.value ? true : undefined}
            onChange={() => onChange(choice.value)}
          />
          {/* The space keeps the label and hint two words apart in the radio's accessible name. */}
          <span>
            {choice.label}{" "}
            <span className="muted" style={{ display: "block" }}>
              {choice.hint}
            </span>
          </span>
        </label>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
