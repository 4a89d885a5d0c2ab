"use client";

import type { ButtonHTMLAttributes, MouseEvent, Ref } from "react";
import { classNames } from "./class-names";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "md" | "sm";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the page's main action; secondary: the others; danger: destroys or refuses; ghost: quiet. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Waiting on the action: a spinner, aria-busy, and no second click. The button is aria-disabled,
   * not disabled: a disabled button loses focus, and the keyboard would start again from the top.
   */
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A button. `type` defaults to "button" so a button in a form submits only when it says so. */
export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  type = "button",
  className,
  disabled,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classNames("ls-button", `ls-button-${variant}`, `ls-button-${size}`, className)}
      disabled={disabled}
      aria-disabled={loading || undefined}
      aria-busy={loading || undefined}
      // Busy: neither the handler nor, for a submit button, the form's submission. Only a busy
      // button gets a handler of its own, so one rendered on the server carries none.
      onClick={loading ? ignoreWhileBusy : onClick}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}

function ignoreWhileBusy(event: MouseEvent<HTMLButtonElement>): void {
  event.preventDefault();
}
