import type { ButtonHTMLAttributes, Ref } from "react";
import { classNames } from "./class-names";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "md" | "sm";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the page's main action; secondary: the others; danger: destroys or refuses; ghost: quiet. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Waiting on the action: a spinner, aria-busy, and no second click (the button is disabled). */
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
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classNames("ls-button", `ls-button-${variant}`, `ls-button-${size}`, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}
