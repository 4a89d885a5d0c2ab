"use client";

import type { ReactNode } from "react";
import type { UiKey } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";
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

/** The tone in words ("Warning"), in the site's language. */
const toneWord: Record<Tone, UiKey & `tone${string}`> = {
  neutral: "toneNeutral",
  info: "toneInfo",
  success: "toneSuccess",
  warning: "toneWarning",
  danger: "toneDanger",
};

/** A message in a coloured box: success is green, a warning amber, a problem red, information blue. */
export function Alert({ tone = "info", title, children, live, className }: AlertProps) {
  const said = `${useUiText().say(toneWord[tone])}: `;
  const role = live ?? (tone === "danger" ? "alert" : "status");
  return (
    <div role={role === "none" ? undefined : role} className={classNames("ls-alert", `ls-tone-${tone}`, className)}>
      <span className="ls-alert-icon" aria-hidden="true" />
      <div className="ls-alert-body">
        {title ? (
          <p className="ls-alert-title">
            {/* Colour is not enough: the tone is said in words, for screen readers. */}
            <span className="ls-visually-hidden">{said}</span>
            {title}
          </p>
        ) : (
          <span className="ls-visually-hidden">{said}</span>
        )}
        {children ? <div className="ls-alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
