import type { Ref, SelectHTMLAttributes } from "react";
import { classNames } from "./class-names";

export interface SelectOption {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** The choices; or pass `<option>` children instead. */
  options?: readonly SelectOption[];
  /** A first, empty choice ("Choose a status"), selected while nothing else is. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * A styled native `<select>`: the platform's own keyboard, screen-reader and mobile pickers, and
 * it submits with its form like any field. Put it in a Field.
 */
export function Select({ options, placeholder, className, children, ...rest }: SelectProps) {
  return (
    <select {...rest} className={classNames("ls-input", "ls-select", className)}>
      {placeholder === undefined ? null : <option value="">{placeholder}</option>}
      {options?.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
