import type { ReactNode } from "react";
import { classNames } from "./class-names";
import type { Tone } from "./tone";

/**
 * A short status word ("Open", "Held", "Certified"). The colour only repeats what the word says:
 * never a badge whose meaning is its colour alone.
 */
export function Badge({
  tone = "neutral",
  className,
  children,
}: {
  tone?: Tone;
  className?: string;
  children: ReactNode;
}) {
  return <span className={classNames("ls-badge", `ls-tone-${tone}`, className)}>{children}</span>;
}
