import type { ReactNode } from "react";
import { classNames } from "./class-names";
import type { Tone } from "./tone";

export interface AlertProps {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * How a screen reader hears it appear. Unless told: "alert" (interrupts) for danger, "status"
   * (polite) for the rest; "none" for a message that was on the page from the start.
   */
  live?: "alert" | "status" | "none";
  className?: string;
}

const toneWord: Record<Tone, string> = {
  neutral: "Note",
  info: "Information",
  success: "Done",
  warning: "Warning",
  danger: "Problem",
};

/** A message in a coloured box: success is green, a warning amber, a problem red, information blue. */
export function Alert({ tone = "info", title, children, live, className }: AlertProps) {
  const role = live ?? (tone === "danger" ? "alert" : "status");
  return (
    <div role={role === "none" ? undefined : role} className={classNames("ls-alert", `ls-tone-${tone}`, className)}>
      <span className="ls-alert-icon" aria-hidden="true" />
      <div className="ls-alert-body">
        {title ? (
          <p className="ls-alert-title">
            {/* Colour is not enough: the tone is said in words, for screen readers. */}
            <span className="ls-visually-hidden">{toneWord[tone]}: </span>
            {title}
          </p>
        ) : (
          <span className="ls-visually-hidden">{toneWord[tone]}: </span>
        )}
        {children ? <div className="ls-alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
